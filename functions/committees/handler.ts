import { type Municipality, ljungby } from '../../shared/municipality';
import { listCommitteesRoute } from '../../shared/routes';
import { httpRoute } from '../lib/http';

export const createHandler = (municipality: Municipality) =>
  httpRoute(listCommitteesRoute, async () => ({
    json: municipality.committees.map(({ id, name }) => ({ id, name })),
    headers: { 'cache-control': 'public, max-age=300' },
  }));

export const handler = createHandler(ljungby);
