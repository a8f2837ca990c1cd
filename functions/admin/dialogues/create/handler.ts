import { create } from '../../../../shared/dialogue/manage';
import { createDialogueRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Runtime) =>
  httpRoute(createDialogueRoute, async ({ caller, body }) => ({
    json: await create(deps, caller, body),
  }));

export const handler = createHandler(runtime);
