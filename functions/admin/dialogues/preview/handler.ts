import { read } from '../../../../shared/dialogue/manage';
import { publicDefinition } from '../../../../shared/dialogue/public-view';
import { isAcceptingResponses } from '../../../../shared/dialogue/rules';
import { formFragment, messageFragment } from '../../../../shared/presentation/pages';
import { previewDialogueRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { type EndedNoticeDeps, noFormNotice } from '../../../web/ended-notice';
import { formLinks } from '../../../web/links';

/**
 * What citizens will see, before they can: the fragment embed.js fetches. A draft, or one that opens later, shows
 * its form as it will be; an ended dialogue shows what the embed shows then, the notice with what came of it.
 */
export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'ids'> & EndedNoticeDeps) =>
  httpRoute(previewDialogueRoute, async ({ caller, path, query }) => {
    const dialogue = await read(deps, caller, path.id);
    const links = formLinks(dialogue.id, query.lang);
    const notice = isAcceptingResponses(dialogue, deps.clock.now())
      ? undefined
      : await noFormNotice(deps, dialogue, query.lang, links.resultsHref);
    const html =
      notice?.reason === 'ended'
        ? messageFragment(query.lang, notice, links.stylesheetHref)
        : formFragment(
            publicDefinition(dialogue, deps.municipality),
            { lang: query.lang, submissionId: deps.ids.newId() },
            links,
          );
    return { html, headers: { 'cache-control': 'no-store' } };
  });

export const handler = createHandler(runtime);
