import { publicDefinition } from '../../../shared/dialogue/public-view';
import { isAcceptingResponses } from '../../../shared/dialogue/rules';
import { catalogues } from '../../../shared/messages/catalogue';
import { formPageRoute } from '../../../shared/routes';
import { formFragment, formPage, messagePage } from '../../../shared/presentation/pages';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { formLinks } from '../links';

export const createHandler = ({
  dialogues,
  municipality,
  clock,
  ids,
}: Pick<Runtime, 'dialogues' | 'municipality' | 'clock' | 'ids'>) =>
  httpRoute(formPageRoute, async ({ path, query }) => {
    const { lang, format } = query;
    const dialogue = await dialogues.get(path.id);
    if (!dialogue || !isAcceptingResponses(dialogue, clock.now())) {
      const t = catalogues[lang].form;
      return {
        statusCode: dialogue && dialogue.status !== 'draft' ? 409 : 404,
        html: messagePage(lang, t.unavailable, t.unavailable),
      };
    }
    const definition = publicDefinition(dialogue, municipality);
    // A fresh submissionId per rendered form: retries of this form reuse it, a new visit gets a new one.
    const state = { lang, submissionId: ids.newId() };
    const links = formLinks(dialogue.id, lang);
    return format === 'fragment'
      ? { html: formFragment(definition, state, links), headers: { 'cache-control': 'no-store' } }
      : { html: formPage(definition, state, links) };
  });

export const handler = createHandler(runtime);
