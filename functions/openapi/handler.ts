import { openApiDocument } from '../../shared/openapi';
import { openApiRoute } from '../../shared/routes';
import { env } from '../lib/env';
import { httpRoute } from '../lib/http';

const document = openApiDocument(env().publicBaseUrl);

export const handler = httpRoute(openApiRoute, async () => ({
  json: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
