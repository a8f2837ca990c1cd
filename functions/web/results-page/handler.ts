import { publicResults } from '../../../shared/aggregation/results';
import { publicDefinition } from '../../../shared/dialogue/public-view';
import { resultsPageRoute } from '../../../shared/routes';
import { NotFoundError } from '../../../shared/errors';
import { catalogues } from '../../../shared/messages/catalogue';
import { otherLanguage } from '../../../shared/messages/language';
import { resultsCatalogues } from '../../../shared/messages/results';
import { messagePage } from '../../../shared/presentation/pages';
import { resultsPage } from '../../../shared/presentation/results-page';
import { httpRoute } from '../../lib/http';
import { links } from '../links';
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
        html: messagePage(query.lang, {
          title: catalogues[query.lang].form.notFoundHeading,
          message: resultsCatalogues[query.lang].notFound,
        }),
      };
    const { dialogue, results } = found;
    return {
      html: resultsPage(publicDefinition(dialogue, deps.municipality), results, query.lang, {
        switchLanguageHref: links().results(dialogue.id, otherLanguage(query.lang)),
      }),
      headers: { 'cache-control': 'public, max-age=60' },
    };
  });

export const handler = createHandler(runtime);
