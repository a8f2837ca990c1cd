import { routes } from '../../shared/routes';
import { httpRoute } from '../lib/http';

export const handler = httpRoute(routes.health, async () => ({ json: { status: 'ok' } }));
