import { create } from '../../../../shared/dialogue/manage';
import { dialogueInputSchema } from '../../../../shared/dialogue/schema';
import { routes } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Runtime) =>
  httpRoute(routes.createDialogue, { body: dialogueInputSchema }, async ({ caller, body }) => ({
    statusCode: 201,
    json: await create(deps, requireCaller(caller), body),
  }));

export const handler = createHandler(runtime);
