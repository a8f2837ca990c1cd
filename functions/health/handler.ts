import { healthRoute } from '../../shared/routes';
import { httpRoute } from '../lib/http';

export const handler = httpRoute(healthRoute, async () => ({ json: { status: 'ok' as const } }));
