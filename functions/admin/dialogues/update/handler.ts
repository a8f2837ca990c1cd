import { update } from '../../../../shared/dialogue/manage';
import { updateDialogueRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Runtime) =>
  httpRoute(updateDialogueRoute, async ({ caller, path, body }) => ({
    json: await update(deps, caller, path.id, body),
  }));

export const handler = createHandler(runtime);
