import { responseBodySchema } from '../../../shared/responses/schema';
import { submitResponse } from '../../../shared/responses/submit';
import { routes } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { dialogueIdPath } from '../../lib/schemas';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>) =>
  httpRoute(routes.submitResponse, { path: dialogueIdPath, body: responseBodySchema }, async ({ path, body }) => ({
    statusCode: 201,
    json: await submitResponse(deps, path.id, body),
  }));

export const handler = createHandler(runtime);
