import { publicResults } from '../../../shared/aggregation/results';
import { getResultsRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'disclosureThreshold'>) =>
  httpRoute(getResultsRoute, async ({ path }) => ({
    json: (await publicResults(deps, path.id)).results,
    headers: { 'cache-control': 'public, max-age=60' },
  }));

export const handler = createHandler(runtime);
