import { auditLog } from '../../../../shared/dialogue/manage';
import { getAuditLogRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues'>) =>
  httpRoute(getAuditLogRoute, async ({ caller, path }) => ({
    json: await auditLog(deps, caller, path.id),
  }));

export const handler = createHandler(runtime);
