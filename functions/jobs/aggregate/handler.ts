import { aggregateAll } from '../../../shared/aggregation/run';
import { metricNames } from '../../../shared/metrics';
import { jobs } from '../../../shared/routes';
import { scheduledJob } from '../../lib/job';
import { logger } from '../../lib/logger';
import { publishMetrics } from '../../lib/metrics';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (
  deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'responseReader' | 'clock' | 'safetyLagMs'>,
) =>
  scheduledJob(jobs.aggregate, async () => {
    const outcome = await aggregateAll({ ...deps, responses: deps.responseReader });
    // The others went on; the failed ones are retried next run. Logged as errors so an alarm can see them.
    for (const failure of outcome.failed) logger.error('aggregating a dialogue failed', failure);
    publishMetrics({
      [metricNames.aggregationRuns]: 1,
      [metricNames.aggregationLagSeconds]: outcome.lagSeconds,
      // Each response is folded once, whatever retries stored it: the count of responses that came in.
      [metricNames.responsesSubmitted]: outcome.folded,
    });
    return outcome;
  });

export const handler = createHandler(runtime);
