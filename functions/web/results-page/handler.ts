import { publicResults } from '../../../shared/aggregation/results';
import { publicDefinition } from '../../../shared/dialogue/public-view';
import { resultsPageRoute } from '../../../shared/routes';
import { resultsPage } from '../../../shared/web/results-page';
import { env } from '../../lib/env';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'disclosureThreshold' | 'municipality'>) =>
  httpRoute(resultsPageRoute, async ({ path, query }) => {
    const { dialogue, results } = await publicResults(deps, path.id);
    const other = query.lang === 'sv' ? 'en' : 'sv';
    return {
      html: resultsPage(publicDefinition(dialogue, deps.municipality), results, query.lang, {
        switchLanguageHref: `${env().publicBaseUrl}/results/${encodeURIComponent(dialogue.id)}?lang=${other}`,
      }),
      headers: { 'cache-control': 'public, max-age=60' },
    };
  });

export const handler = createHandler(runtime);
