import { read } from '../../../../shared/dialogue/manage';
import { getDialogueForOfficialRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues'>) =>
  httpRoute(getDialogueForOfficialRoute, async ({ caller, path }) => ({
    json: await read(deps, caller, path.id),
  }));

export const handler = createHandler(runtime);
