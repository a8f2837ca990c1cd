/**
 * Real answers against the OpenAPI document: the status must be documented for the operation, the content type
 * documented for the status, and the body must fit the documented schema (ajv, JSON Schema 2020-12). The call
 * helpers of the integration, end-to-end and browser tests run every answer they see through `expectConforms`.
 *
 * With OPENAPI_COVERAGE_FILE set, each checked answer appends `operationId status mediaType` to that file.
 */
import { appendFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { routeTable } from '../../local/route-table';
import { openApiDocument } from '../../shared/openapi';
import { routeList } from '../../shared/routes';

export interface RealAnswer {
  readonly method: string;
  /** A path template (`/dialogues/{id}`) or a requested path (`/dialogues/demo`). */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

type JsonObject = Record<string, unknown>;
interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema: JsonObject }>;
}

const document = openApiDocument('http://localhost:3000');
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();
const matchRoute = routeTable(routeList);

const mediaTypeOf = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

/** The operation an answer belongs to: by its template, or by matching the path as the gateway does. */
function operationOf(method: string, path: string): { template: string; operation: JsonObject } | undefined {
  const byTemplate = document.paths[path]?.[method.toLowerCase()];
  if (byTemplate) return { template: path, operation: byTemplate as JsonObject };
  let found: ReturnType<typeof matchRoute>;
  try {
    found = matchRoute(method.toUpperCase(), path);
  } catch {
    return undefined; // Not valid percent-encoding: the gateway's own 400, no operation of the document's.
  }
  if (found.kind !== 'found') return undefined;
  const operation = document.paths[found.route.path]?.[method.toLowerCase()];
  return operation ? { template: found.route.path, operation: operation as JsonObject } : undefined;
}

function documentedResponse(operation: JsonObject, status: number): DocumentedResponse | undefined {
  const found = (operation.responses as Record<string, DocumentedResponse | { $ref: string }>)[String(status)];
  if (!found || !('$ref' in found)) return found;
  const name = found.$ref.replace('#/components/responses/', '') as keyof typeof document.components.responses;
  return document.components.responses[name];
}

function validatorFor(key: string, schema: JsonObject): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    // The document's components travel with the schema, so its `#/components/...` references resolve.
    validate = ajv.compile({ ...schema, components: document.components });
    validators.set(key, validate);
  }
  return validate;
}

/** Why an answer does not fit the document; empty when it does. Answers of routes the document leaves out (the local stack's own) are not checked. */
export function conformanceProblems(answer: RealAnswer): string[] {
  const pathOnly = answer.path.split('?')[0] as string;
  const found = operationOf(answer.method, pathOnly);
  if (!found) return [];
  const { template, operation } = found;
  const where = `${answer.method.toUpperCase()} ${template} → ${answer.status}`;
  const response = documentedResponse(operation, answer.status);
  if (!response) return [`${where}: status not documented`];
  const mediaType = mediaTypeOf(answer.contentType);
  record(`${String(operation.operationId)} ${answer.status} ${mediaType ?? '-'}`);
  if (!response.content) return answer.body === '' ? [] : [`${where}: documented without a body, answered one`];
  const content = mediaType ? response.content[mediaType] : undefined;
  if (!content) {
    const documented = Object.keys(response.content).join(', ');
    return [`${where}: content type ${answer.contentType ?? '(none)'} not documented (documented: ${documented})`];
  }
  let body: unknown = answer.body;
  if (mediaType === 'application/json') {
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [`${where}: documented as JSON, answered ${answer.body.slice(0, 80)}`];
    }
  }
  const validate = validatorFor(`${where} ${mediaType}`, content.schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${where} (${mediaType}): ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Throws when the answer does not fit the document, naming every misfit. */
export function expectConforms(answer: RealAnswer): void {
  const problems = conformanceProblems(answer);
  if (problems.length > 0)
    throw new Error(`The answer does not fit the OpenAPI document:\n${problems.slice(0, 20).join('\n')}`);
}

/** What a header map says the content type is, whatever the case of its key. */
export const contentTypeIn = (headers: Record<string, unknown> | undefined): string | undefined => {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type');
  return entry ? String(entry[1]) : undefined;
};

/** `fetch`, with every answer checked against the document (local routes and other origins pass unchecked). */
export async function conformingFetch(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  const body = await response.clone().text();
  expectConforms({
    method: init?.method ?? 'GET',
    path: new URL(url).pathname,
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    body,
  });
  return response;
}

function record(line: string): void {
  const file = process.env.OPENAPI_COVERAGE_FILE;
  if (file) appendFileSync(file, `${line}\n`);
}
