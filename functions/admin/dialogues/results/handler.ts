import { resultsCsv } from '../../../../shared/aggregation/csv';
import { officialResults } from '../../../../shared/aggregation/results';
import { getOfficialResultsRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = ({
  responseReader,
  ...deps
}: Pick<Runtime, 'dialogues' | 'aggregates' | 'disclosureThreshold' | 'responseReader' | 'moderations'>) =>
  httpRoute(getOfficialResultsRoute, async ({ caller, path, query }) => {
    const { dialogue, results } = await officialResults({ ...deps, responses: responseReader }, caller, path.id);
    if (query.format === 'json') return { json: results };
    return {
      text: resultsCsv(dialogue, results),
      contentType: 'text/csv; charset=utf-8',
      headers: { 'content-disposition': `attachment; filename="resultat-${dialogue.id}.csv"` },
    };
  });

export const handler = createHandler(runtime);
