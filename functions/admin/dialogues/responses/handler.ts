import { enterOtherResponse } from '../../../../shared/responses/enter';
import { enterResponseRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>) =>
  httpRoute(enterResponseRoute, async ({ caller, path, body }) => ({
    json: await enterOtherResponse(deps, caller, path.id, body),
  }));

export const handler = createHandler(runtime);
