import type { HttpMethod, RouteDefinition } from '../../shared/routes';

/** A manifest entry for tests of the gateway and route matching: public, 1 KB body limit, no schemas. */
export const testRoute = (
  name: string,
  method: HttpMethod,
  path: string,
  extra: Partial<RouteDefinition> = {},
): RouteDefinition => ({
  name,
  method,
  path,
  handler: `in-test/${name}`,
  access: 'public',
  summary: name,
  table: 'none',
  bodyLimitBytes: 1024,
  schemas: {},
  successStatus: 200,
  responses: {},
  bodyFormat: 'json',
  ...extra,
});
