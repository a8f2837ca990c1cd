import { auditLog } from '../../../../shared/dialogue/manage';
import { getAuditLogRoute } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues'>) =>
  httpRoute(getAuditLogRoute, async ({ caller, path }) => ({
    json: await auditLog(deps, requireCaller(caller), path.id),
  }));

export const handler = createHandler(runtime);
