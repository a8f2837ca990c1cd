import { aggregateAll } from '../../../shared/aggregation/run';
import { jobs } from '../../../shared/routes';
import { scheduledJob } from '../../lib/job';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'responseReader' | 'clock' | 'safetyLagMs'>) =>
  scheduledJob(jobs.aggregate, () => aggregateAll({ ...deps, responses: deps.responseReader }));

export const handler = createHandler(runtime);
