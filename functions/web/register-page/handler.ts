import { publicRegister } from '../../../shared/dialogue/register';
import { filterOf } from '../../../shared/dialogue/register-query';
import { otherLanguage } from '../../../shared/messages/language';
import { registerPage } from '../../../shared/presentation/register-page';
import { registerPageRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { links } from '../links';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'municipality' | 'clock'>) =>
  httpRoute(registerPageRoute, async ({ query }) => {
    const filter = filterOf(query);
    const { entries, years } = await publicRegister(deps, filter);
    const all = links();
    return {
      html: registerPage(
        {
          entries: entries.map((e) => ({ ...e, resultsUrl: all.results(e.id, query.lang) })),
          filter,
          committees: deps.municipality.committees,
          years,
          switchLanguageHref: all.register(otherLanguage(query.lang)),
        },
        query.lang,
      ),
      headers: { 'cache-control': 'public, max-age=60' },
    };
  });

export const handler = createHandler(runtime);
