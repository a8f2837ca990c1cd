import { publicDefinition } from '../../../shared/dialogue/public-view';
import { NotFoundError } from '../../../shared/errors';
import { noDialogue } from '../../../shared/messages/refusals';
import { getDialogueRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = ({ dialogues, municipality }: Pick<Runtime, 'dialogues' | 'municipality'>) =>
  httpRoute(getDialogueRoute, async ({ path }) => {
    const dialogue = await dialogues.get(path.id);
    if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(noDialogue(path.id));
    return { json: publicDefinition(dialogue, municipality), headers: { 'cache-control': 'public, max-age=60' } };
  });

export const handler = createHandler(runtime);
