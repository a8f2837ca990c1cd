import { aggregateAll } from '../../../shared/aggregation/run';
import { jobs } from '../../../shared/routes';
import { scheduledJob } from '../../lib/job';
import { logger } from '../../lib/logger';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (
  deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'responseReader' | 'clock' | 'safetyLagMs'>,
) =>
  scheduledJob(jobs.aggregate, async () => {
    const outcome = await aggregateAll({ ...deps, responses: deps.responseReader });
    // The others went on; the failed ones are retried next run. Logged as errors so an alarm can see them.
    for (const failure of outcome.failed) logger.error('aggregating a dialogue failed', failure);
    return outcome;
  });

export const handler = createHandler(runtime);
