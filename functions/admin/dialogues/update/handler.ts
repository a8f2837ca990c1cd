import { update } from '../../../../shared/dialogue/manage';
import { dialogueInputSchema } from '../../../../shared/dialogue/schema';
import { routes } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { dialogueIdPath } from '../../../lib/schemas';

export const createHandler = (deps: Runtime) =>
  httpRoute(routes.updateDialogue, { path: dialogueIdPath, body: dialogueInputSchema }, async ({ caller, path, body }) => ({
    statusCode: 200,
    json: await update(deps, requireCaller(caller), path.id, body),
  }));

export const handler = createHandler(runtime);
