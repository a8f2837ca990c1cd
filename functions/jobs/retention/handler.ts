import type { Context } from 'aws-lambda';
import { jobs } from '../../../shared/routes';
import { type SweepDeps, sweepRetention } from '../../../shared/retention/sweep';
import { dynamoRetentionStore } from '../../adapters/retention-store';
import { env } from '../../lib/env';
import { scheduledJob } from '../../lib/job';
import { logger } from '../../lib/logger';
import { client, runtime } from '../../lib/runtime';

type Deps = Omit<SweepDeps, 'remainingMs'>;

export const createHandler = (deps: Deps) =>
  scheduledJob(jobs.retention, async (context: Context) => {
    const outcome = await sweepRetention({ ...deps, remainingMs: () => context.getRemainingTimeInMillis() });
    // The others went on; the failed ones are tried again next run. Logged as errors so an alarm can see them.
    for (const failure of outcome.failed) logger.error('culling a dialogue failed', failure);
    return outcome;
  });

/** The real dependencies, built once per cold start; the local stack builds the handler from them with its own clock. */
export const dependencies: Deps = {
  dialogues: runtime.dialogues,
  store: dynamoRetentionStore(client, env().tableName),
  clock: runtime.clock,
  settings: env().retention,
};

export const handler = createHandler(dependencies);
