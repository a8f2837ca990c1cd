import { openApiDocument } from '../../shared/openapi';
import { routes } from '../../shared/routes';
import { env } from '../lib/env';
import { httpRoute } from '../lib/http';

const document = openApiDocument(env().publicBaseUrl);

export const handler = httpRoute(routes.openApi, async () => ({ json: document, headers: { 'cache-control': 'public, max-age=300' } }));
