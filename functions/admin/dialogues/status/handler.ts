import { setStatus } from '../../../../shared/dialogue/manage';
import { changeDialogueStatusRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Runtime) =>
  httpRoute(changeDialogueStatusRoute, async ({ caller, path, body }) => {
    const { dialogue, warnings } = await setStatus(deps, caller, path.id, body.status);
    return { json: { ...dialogue, warnings } };
  });

export const handler = createHandler(runtime);
