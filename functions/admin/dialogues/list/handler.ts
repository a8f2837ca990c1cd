import { overview } from '../../../../shared/dialogue/manage';
import { listDialoguesRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'aggregates' | 'clock'>) =>
  httpRoute(listDialoguesRoute, async ({ caller }) => ({ json: await overview(deps, caller) }));

export const handler = createHandler(runtime);
