import { publicDefinition } from '../../../shared/dialogue/public-view';
import { isAcceptingResponses } from '../../../shared/dialogue/rules';
import { catalogues } from '../../../shared/messages/catalogue';
import { formPageRoute } from '../../../shared/routes';
import { formFragment, formPage, messageFragment, messagePage } from '../../../shared/presentation/pages';
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
      const links = formLinks(path.id, lang);
      // A closed or decided dialogue still answers: people come back to the municipality's page for the result.
      const ended = dialogue?.status === 'closed' || dialogue?.status === 'decided';
      const [title, message] = ended
        ? [dialogue?.status === 'decided' ? t.decidedHeading : t.closedHeading, t.closedMessage]
        : dialogue && dialogue.status !== 'draft'
          ? [t.notOpenHeading, t.notOpen]
          : [t.notFoundHeading, t.notFound];
      const link = ended ? { href: links.resultsHref, label: t.closedResultsLink } : undefined;
      return {
        statusCode: ended ? 200 : dialogue && dialogue.status !== 'draft' ? 409 : 404,
        ...(format === 'fragment'
          ? { html: messageFragment(lang, title, message, links.stylesheetHref, link) }
          : { html: messagePage(lang, title, message, link), embeddable: true }),
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
