import { read } from '../../../../shared/dialogue/manage';
import { publicDefinition } from '../../../../shared/dialogue/public-view';
import { formFragment } from '../../../../shared/presentation/pages';
import { previewDialogueRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { formLinks } from '../../../web/links';

/** What citizens will see, before they can: the same fragment embed.js fetches, for a dialogue of any status. */
export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'municipality' | 'ids'>) =>
  httpRoute(previewDialogueRoute, async ({ caller, path, query }) => {
    const dialogue = await read(deps, caller, path.id);
    const state = { lang: query.lang, submissionId: deps.ids.newId() };
    return {
      html: formFragment(publicDefinition(dialogue, deps.municipality), state, formLinks(dialogue.id, query.lang)),
      headers: { 'cache-control': 'no-store' },
    };
  });

export const handler = createHandler(runtime);
