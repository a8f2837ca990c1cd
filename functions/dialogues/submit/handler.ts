import { submitResponseRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { runtime } from '../../lib/runtime';
import { type SubmitRuntime, submitCitizenResponse } from '../../lib/submit';

export const createHandler = (deps: SubmitRuntime) =>
  httpRoute(submitResponseRoute, async ({ path, body }) => ({
    json: await submitCitizenResponse(deps, path.id, body),
  }));

export const handler = createHandler(runtime);
