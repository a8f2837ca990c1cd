import { read } from '../../../../shared/dialogue/manage';
import { routes } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { dialogueIdPath } from '../../../lib/schemas';

export const createHandler = (deps: Pick<Runtime, 'dialogues'>) =>
  httpRoute(routes.getDialogueForOfficial, { path: dialogueIdPath }, async ({ caller, path }) => ({
    statusCode: 200,
    json: await read(deps, requireCaller(caller), path.id),
  }));

export const handler = createHandler(runtime);
