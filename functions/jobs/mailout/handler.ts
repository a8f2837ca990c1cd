import { publicResults } from '../../../shared/aggregation/results';
import { publicDefinition } from '../../../shared/dialogue/public-view';
import { handoverAt } from '../../../shared/mail/handover';
import { STOP_MARGIN_MS, newMailoutOutcome, runMailouts } from '../../../shared/mail/mailout-run';
import type { SigningKeys } from '../../../shared/mail/signed';
import { metricNames } from '../../../shared/metrics';
import { jobs } from '../../../shared/routes';
import { unsubscribeKeys } from '../../adapters/secret';
import { env, requiredSetting } from '../../lib/env';
import { scheduledJob } from '../../lib/job';
import { type MailRuntime, mailRuntime } from '../../lib/mail-runtime';
import { publishMetrics } from '../../lib/metrics';
import { type Runtime, runtime } from '../../lib/runtime';

type Deps = Pick<Runtime, 'dialogues' | 'aggregates' | 'municipality' | 'clock' | 'disclosureThreshold'> &
  MailRuntime & { keys: () => Promise<SigningKeys> };

export const createHandler = (deps: Deps) =>
  scheduledJob(jobs.mailout, async (context, event) => {
    const outcome = newMailoutOutcome();
    const { scheduleSeconds } = env();
    const now = deps.clock.now().getTime();
    const handover =
      scheduleSeconds === undefined
        ? undefined
        : handoverAt(
            Date.parse(event.time),
            scheduleSeconds * 1000,
            now + context.getRemainingTimeInMillis(),
            STOP_MARGIN_MS,
          );
    try {
      return await runMailouts(
        {
          dialogues: deps.dialogues,
          mailouts: deps.mailouts,
          mailer: deps.mailer,
          clock: deps.clock,
          settings: {
            ...requiredSetting(env().mail, 'mail'),
            publicBaseUrl: env().publicBaseUrl,
            // Once per run: a run (the job's five minutes at most) signs with the keys it started with; they outlive one rotation.
            unsubscribeKeys: await deps.keys(),
            leaseMs: 120_000,
          },
          content: async (dialogue) => ({
            definition: publicDefinition(dialogue, deps.municipality),
            results: (await publicResults(deps, dialogue.id)).results,
          }),
          remainingMs: () => context.getRemainingTimeInMillis(),
          ...(handover === undefined ? {} : { handoverAt: new Date(handover) }),
        },
        outcome,
      );
    } finally {
      // Also when the run throws half-way: the emails it sent went.
      publishMetrics({
        [metricNames.emailsSent]: outcome.sent,
        [metricNames.emailsFailed]: outcome.failed,
        [metricNames.emailsPending]: outcome.pending,
      });
    }
  });

export const handler = createHandler({ ...runtime, ...mailRuntime, keys: unsubscribeKeys });
