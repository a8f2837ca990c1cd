import { publicDefinition } from '../../../shared/dialogue/public-view';
import { isAcceptingResponses } from '../../../shared/dialogue/rules';
import { formPageRoute } from '../../../shared/routes';
import type { NoForm } from '../../../shared/presentation/no-form';
import { formFragment, formPage, messageFragment, messagePage } from '../../../shared/presentation/pages';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { noFormNotice } from '../ended-notice';
import { formLinks } from '../links';

/** An ended dialogue still has its page: the way to its results, where people come back to look. */
const NO_FORM_STATUS = { ended: 200, 'not-open': 409, 'not-found': 404 } as const satisfies Record<
  NoForm['reason'],
  number
>;

type Deps = Pick<Runtime, 'dialogues' | 'aggregates' | 'disclosureThreshold' | 'municipality' | 'clock' | 'ids'>;

export const createHandler = (deps: Deps) =>
  httpRoute(formPageRoute, async ({ path, query }) => {
    const { dialogues, municipality, clock, ids } = deps;
    const { lang, format } = query;
    const dialogue = await dialogues.get(path.id);
    if (!dialogue || !isAcceptingResponses(dialogue, clock.now())) {
      const links = formLinks(path.id, lang);
      const why = await noFormNotice(deps, dialogue, lang, links.resultsHref);
      return {
        statusCode: NO_FORM_STATUS[why.reason],
        ...(format === 'fragment'
          ? { html: messageFragment(lang, why, links.stylesheetHref) }
          : { html: messagePage(lang, why), embeddable: true }),
      };
    }
    const definition = publicDefinition(dialogue, municipality);
    // A fresh submissionId per rendered form: retries of this form reuse it, a new visit gets a new one.
    const state = { lang, submissionId: ids.newId() };
    const links = formLinks(dialogue.id, lang);
    return format === 'fragment'
      ? { html: formFragment(definition, state, links), headers: { 'cache-control': 'no-store' } }
      : { html: formPage(definition, state, links), embeddable: true };
  });

export const handler = createHandler(runtime);
