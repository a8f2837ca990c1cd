import { moderate } from '../../../../shared/dialogue/moderate';
import { moderateFreeTextRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'moderations' | 'freeTexts' | 'clock'>) =>
  httpRoute(moderateFreeTextRoute, async ({ caller, path, body }) => ({
    json: await moderate(deps, caller, path.id, body),
  }));

export const handler = createHandler(runtime);
