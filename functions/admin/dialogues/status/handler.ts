import { z } from 'zod';
import { setStatus } from '../../../../shared/dialogue/manage';
import { routes } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';
import { dialogueIdPath } from '../../../lib/schemas';

const statusBody = z.strictObject({ status: z.enum(['open', 'closed']) });

export const createHandler = (deps: Runtime) =>
  httpRoute(routes.changeDialogueStatus, { path: dialogueIdPath, body: statusBody }, async ({ caller, path, body }) => {
    const { dialogue, warnings } = await setStatus(deps, requireCaller(caller), path.id, body.status);
    return { statusCode: 200, json: { ...dialogue, warnings } };
  });

export const handler = createHandler(runtime);
