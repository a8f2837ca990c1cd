import { submitResponse } from '../../../shared/responses/submit';
import { routes } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>) =>
  httpRoute(routes.submitResponse, async ({ path, body }) => ({ json: await submitResponse(deps, path.id, body),
  }));

export const handler = createHandler(runtime);
