import * as z from 'zod/mini';
import { MAX_LISTED_ISSUES, gatewayErrorBody, incompleteBody, refusalBody, validationErrorBody } from './http-bodies';
import { type ResponseSpec, type RouteDefinition, bodyMediaTypes, routeList } from './routes';

type JsonSchema = Record<string, unknown>;
interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

/** A zod schema as JSON Schema 2020-12: a request as it may be sent (`input`), an answer as it is given (`output`). */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const component = (name: keyof typeof errorSchemas) => ({ $ref: `#/components/schemas/${name}` });
const errorSchemas = {
  ValidationError: validationErrorBody,
  Refusal: refusalBody,
  Incomplete: incompleteBody,
  GatewayError: gatewayErrorBody,
};
const text = { type: 'string' };
/** The media type of a content-type header: `text/csv; charset=utf-8` is `text/csv`. */
const mediaType = (contentType: string) => contentType.split(';')[0]?.trim() ?? contentType;

/** One operation's answers, by status; a status may come from several places (the handler, the parsing, the gateway). */
class ResponsesBuilder {
  readonly byStatus: Record<string, DocumentedResponse | { $ref: string }> = {};

  add(status: number, description: string, contentType?: string, schema: JsonSchema = text): this {
    const key = String(status);
    const found = (this.byStatus[key] ??= { description }) as DocumentedResponse;
    if (!found.description.includes(description)) found.description = `${found.description}. ${description}`;
    if (!contentType) return this;
    const content = (found.content ??= {});
    const existing = content[mediaType(contentType)]?.schema;
    content[mediaType(contentType)] = {
      schema: existing ? { anyOf: [...((existing.anyOf as JsonSchema[]) ?? [existing]), schema] } : schema,
    };
    return this;
  }

  json(status: number, description: string, schema: JsonSchema): this {
    return this.add(status, description, bodyMediaTypes.json, schema);
  }

  spec(status: number, spec: ResponseSpec): this {
    if (spec.json) this.json(status, spec.description, jsonSchema(spec.json, 'output'));
    if (spec.html) this.add(status, spec.description, 'text/html');
    if (spec.text) this.add(status, spec.description, spec.text);
    if (!spec.json && !spec.html && !spec.text) this.add(status, spec.description);
    return this;
  }

  ref(status: number, name: keyof typeof sharedResponses): this {
    this.byStatus[String(status)] = { $ref: `#/components/responses/${name}` };
    return this;
  }
}

/** Answers the gateway gives on any route, before a handler runs. */
const sharedResponses = {
  Throttled: {
    description:
      'Throttled: more requests than the stage’s rate limit (API Gateway); retry after a pause. The local stack never throttles',
    content: { 'application/json': { schema: component('GatewayError') } },
  },
  HeadersTooLarge: {
    description:
      'Request headers too large: refused before any handler runs (API Gateway’s limit on headers; locally, Node’s HTTP server’s). No body',
  },
};

function parameters(route: RouteDefinition) {
  const pathSchema = route.schemas.path ? jsonSchema(route.schemas.path, 'input') : {};
  const querySchema = route.schemas.query ? jsonSchema(route.schemas.query, 'input') : {};
  const properties = (schema: JsonSchema) => Object.entries((schema.properties ?? {}) as Record<string, object>);
  return [
    ...properties(pathSchema).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...properties(querySchema).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
  ];
}

const refusalSchemas = { 403: 'Refusal', 404: 'Refusal', 409: 'Refusal', 422: 'Incomplete' } as const;

function responses(route: RouteDefinition) {
  const answers = new ResponsesBuilder();
  for (const [status, spec] of Object.entries(route.responses)) answers.spec(Number(status), spec);
  const { path, query, body } = route.schemas;
  if (path || query || body) {
    answers.json(
      400,
      `Invalid input: the first ${MAX_LISTED_ISSUES} problems, each with its path, in Swedish and English, and how many there are in all (\`issueCount\`)`,
      component('ValidationError'),
    );
  }
  // The gateway decodes path parameters; a malformed percent-encoding is its own 400.
  if (route.path.includes('{'))
    answers.json(400, 'A path that is not valid percent-encoding', component('GatewayError'));
  if (route.access === 'official') {
    answers.json(401, 'Missing or invalid token (the gateway’s authorizer answers `{"message":"Unauthorized"}`)', {
      anyOf: [component('GatewayError'), component('Refusal')],
    });
  }
  for (const [status, description] of Object.entries(route.refusals ?? {})) {
    answers.json(Number(status), description, component(refusalSchemas[Number(status) as keyof typeof refusalSchemas]));
  }
  answers.json(413, `Body larger than ${route.bodyLimitBytes} bytes (refused by the gateway or the handler)`, {
    anyOf: [component('GatewayError'), component('Refusal')],
  });
  if (body) answers.json(415, `Body not sent as ${bodyMediaTypes[route.bodyFormat]}`, component('Refusal'));
  return answers.ref(429, 'Throttled').ref(431, 'HeadersTooLarge').byStatus;
}

function operation(route: RouteDefinition) {
  const body = route.schemas.documentedBody ?? route.schemas.body;
  return {
    operationId: route.name,
    summary: route.summary,
    security: route.access === 'official' ? [{ officialsToken: [] }] : [],
    parameters: parameters(route),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { [bodyMediaTypes[route.bodyFormat]]: { schema: jsonSchema(body, 'input') } },
          },
        }
      : {}),
    responses: responses(route),
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
      schemas: Object.fromEntries(Object.entries(errorSchemas).map(([name, s]) => [name, jsonSchema(s, 'output')])),
      responses: sharedResponses,
      securitySchemes: { officialsToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito ID token)' } },
    },
  };
}
