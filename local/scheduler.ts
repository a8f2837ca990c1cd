import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { Clock } from '../shared/ports';
import type { JobDefinition } from '../shared/routes';
import { invoke } from './invoke';
import { lambdaContext } from './lambda-context';

export type JobHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

/** Asked to run a job on a moved clock (`?at=`) that takes none: its module exports no `dependencies` with a clock. */
export class NoClockError extends Error {}

/** A clock that starts at `at` and runs on from there as the real one does. */
export const clockFrom = (at: Date): Clock => {
  const offset = at.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
};

/** The event EventBridge delivers to a scheduled Lambda target. */
export function scheduledEvent(job: JobDefinition): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'eu-north-1',
    resources: [`arn:aws:events:eu-north-1:000000000000:rule/local-${job.name}`],
    detail: {},
  };
}

export interface LocalScheduler {
  /**
   * Runs the job now, unless a run of it is still going (as one Lambda schedule target would not overlap here);
   * with `clock`, on that clock (a job that takes none throws NoClockError).
   */
  run(name: string, clock?: Clock): Promise<{ ran: boolean; result?: unknown }>;
  has(name: string): boolean;
  stop(): Promise<void>;
}

export function startScheduler(
  jobs: readonly JobDefinition[],
  loadHandler: (job: JobDefinition, clock?: Clock) => Promise<JobHandler>,
  intervalSeconds: number,
  onError: (job: JobDefinition, error: unknown) => void,
): LocalScheduler {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const running = new Map<string, Promise<unknown>>();

  const run = async (name: string, clock?: Clock): Promise<{ ran: boolean; result?: unknown }> => {
    const job = byName.get(name);
    if (!job || running.has(name)) return { ran: false };
    const invocation = loadHandler(job, clock).then((handler) =>
      invoke(handler, scheduledEvent(job), lambdaContext(`job-${job.name}`, 15 * 60_000), job.table),
    );
    running.set(name, invocation);
    try {
      return { ran: true, result: await invocation };
    } finally {
      running.delete(name);
    }
  };

  const timer = setInterval(() => {
    for (const job of jobs) run(job.name).catch((error: unknown) => onError(job, error));
  }, intervalSeconds * 1000);
  timer.unref();

  return {
    run,
    has: (name) => byName.has(name),
    async stop() {
      clearInterval(timer);
      await Promise.allSettled(running.values());
    },
  };
}
