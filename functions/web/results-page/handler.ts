import { publicResults } from '../../../shared/aggregation/results';
import { publicDefinition } from '../../../shared/dialogue/public-view';
import { resultsPageRoute } from '../../../shared/routes';
import { NotFoundError } from '../../../shared/errors';
import { resultsCatalogues } from '../../../shared/messages/results';
import { messagePage } from '../../../shared/presentation/pages';
import { resultsPage } from '../../../shared/presentation/results-page';
import { env } from '../../lib/env';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (
  deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'disclosureThreshold' | 'municipality'>,
) =>
  httpRoute(resultsPageRoute, async ({ path, query }) => {
    const found = await publicResults(deps, path.id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    // A person who followed a link gets a page, not JSON.
    if (!found)
      return {
        statusCode: 404,
        html: messagePage(query.lang, resultsCatalogues[query.lang].notFound, resultsCatalogues[query.lang].notFound),
      };
    const { dialogue, results } = found;
    const other = query.lang === 'sv' ? 'en' : 'sv';
    return {
      html: resultsPage(publicDefinition(dialogue, deps.municipality), results, query.lang, {
        switchLanguageHref: `${env().publicBaseUrl}/results/${encodeURIComponent(dialogue.id)}?lang=${other}`,
      }),
      headers: { 'cache-control': 'public, max-age=60' },
    };
  });

export const handler = createHandler(runtime);
