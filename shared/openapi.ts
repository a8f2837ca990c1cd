import * as z from 'zod/mini';
import { type RouteDefinition, routeList } from './routes';

const json = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorBody = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    message: { type: 'string', description: 'Swedish' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          message: { type: 'string', description: 'Swedish' },
          messageEn: { type: 'string' },
        },
      },
    },
    messageEn: { type: 'string', description: 'The message in English' },
    correlationId: { type: 'string' },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function parameters(route: RouteDefinition) {
  const pathSchema = route.schemas.path ? (json(route.schemas.path) as { properties?: Record<string, object> }) : {};
  const querySchema = route.schemas.query ? (json(route.schemas.query) as { properties?: Record<string, object> }) : {};
  return [
    ...Object.entries(pathSchema.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema,
    })),
    ...Object.entries(querySchema.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
    })),
  ];
}

function operation(route: RouteDefinition) {
  const body = route.schemas.documentedBody ?? route.schemas.body;
  return {
    operationId: route.name,
    summary: route.summary,
    ...(route.access === 'official' ? { security: [{ officialsToken: [] }] } : {}),
    parameters: parameters(route),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: json(body) } } } } : {}),
    responses: {
      [String(route.successStatus)]: { description: 'Success' },
      '400': errorResponse('Invalid input: every problem listed with its path, in Swedish and English'),
      ...(route.access === 'official'
        ? {
            '401': errorResponse('Missing or invalid token'),
            '403': errorResponse('Not an official of the lead committee'),
          }
        : {}),
      ...(route.schemas.path ? { '404': errorResponse('No such dialogue') } : {}),
      ...(route.schemas.body
        ? {
            '413': errorResponse(`Body larger than ${route.bodyLimitBytes} bytes`),
            '415': errorResponse('Body not sent as application/json'),
          }
        : {}),
      '429': errorResponse('Throttled: the stage’s rate limit was exceeded; retry after a pause'),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the route manifest and its zod schemas. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Medborgardialog API',
      version: '1.0.0',
      description: 'Citizen dialogues: public survey path and the officials’ API.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: errorBody },
      securitySchemes: { officialsToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito ID token)' } },
    },
  };
}
