import { list } from '../../../../shared/dialogue/manage';
import { listDialoguesRoute } from '../../../../shared/routes';
import { requireCaller } from '../../../lib/caller-required';
import { httpRoute } from '../../../lib/http';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues'>) =>
  httpRoute(listDialoguesRoute, async ({ caller }) => ({
    json: (await list(deps, requireCaller(caller))).map(
      ({ id, title, status, leadCommittee, participatingCommittees, opensAt, closesAt, createdAt, updatedAt }) => ({
        id,
        title,
        status,
        leadCommittee,
        participatingCommittees,
        opensAt,
        closesAt,
        createdAt,
        updatedAt,
      }),
    ),
  }));

export const handler = createHandler(runtime);
