import { submitResponse } from '../../../shared/responses/submit';
import { submitResponseRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = ({
  cachedDialogues,
  ...deps
}: Pick<Runtime, 'cachedDialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>) =>
  httpRoute(submitResponseRoute, async ({ path, body }) => ({
    json: await submitResponse({ ...deps, dialogues: cachedDialogues }, path.id, body),
  }));

export const handler = createHandler(runtime);
