import { read } from '../../../../shared/dialogue/manage';
import { publicDefinition } from '../../../../shared/dialogue/public-view';
import { invitationText, poster } from '../../../../shared/presentation/invitation';
import { getInvitationRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { links } from '../../../web/links';

/** The invitation kit for a dialogue the caller may read, in the language asked for. */
export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'municipality'>) =>
  httpRoute(getInvitationRoute, async ({ caller, path, query }) => {
    const dialogue = await read(deps, caller, path.id);
    const definition = publicDefinition(dialogue, deps.municipality);
    const target = { formUrl: links().form(dialogue.id, query.lang), municipality: deps.municipality.name };
    return {
      json: {
        formUrl: target.formUrl,
        poster: (await poster(definition, query.lang, target)).value,
        text: invitationText(definition, query.lang, target),
      },
    };
  });

export const handler = createHandler(runtime);
