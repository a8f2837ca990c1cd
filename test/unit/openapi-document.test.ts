/**
 * The OpenAPI document (GET /openapi.json) says what the API does: a well-kept linter passes it with the committed
 * config, every reply has its schema, and the statuses, content types and security are the real ones. That the real
 * answers fit it is checked where the tests call the handlers and the local stack (test/support/openapi-conformance.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../../shared/openapi';
import { routeList, routes } from '../../shared/routes';
import { getStageConfig } from '../../shared/stages';

const root = join(__dirname, '../..');
const document = openApiDocument(getStageConfig('prod').publicBaseUrl);

interface Response {
  description?: string;
  $ref?: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
interface Operation {
  operationId: string;
  security?: unknown[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, Response>;
}
const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod) as Operation[]);
const operationOf = (name: string): Operation => {
  const found = operations.find((o) => o.operationId === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
};
const mediaTypes = (name: string, status: number) => Object.keys(operationOf(name).responses[status]?.content ?? {});

describe('redocly lint (recommended ruleset, redocly.yaml)', () => {
  test('finds no error and no warning, offline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      let output: string;
      try {
        output = execFileSync(
          join(root, 'node_modules/.bin/redocly'),
          ['lint', file, '--config', join(root, 'redocly.yaml'), '--format=json'],
          {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            // No usage data and no update check: the lint sends nothing anywhere and needs no network.
            env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          },
        );
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      const report = JSON.parse(output) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the document', () => {
  test('gives every 2xx answer of every operation a content type and a schema', () => {
    const missing = operations.flatMap((o) =>
      Object.entries(o.responses)
        .filter(([status]) => status.startsWith('2'))
        .filter(([, r]) => !r.content || Object.values(r.content).some((c) => !c.schema))
        .map(([status]) => `${o.operationId} ${status}`),
    );
    expect(missing).toEqual([]);
    const jsonWithoutShape = operations.flatMap((o) =>
      Object.entries(o.responses)
        .filter(([status, r]) => status.startsWith('2') && r.content?.['application/json'])
        .filter(([, r]) => Object.keys(r.content?.['application/json']?.schema ?? {}).length === 0)
        .map(([status]) => `${o.operationId} ${status}`),
    );
    expect(jsonWithoutShape).toEqual([]);
  });

  test('declares security on every operation: none for the public ones, the bearer token for officials’', () => {
    for (const route of routeList) {
      expect([route.name, operationOf(route.name).security]).toEqual([
        route.name,
        route.access === 'official' ? [{ officialsToken: [] }] : [],
      ]);
    }
  });

  test('documents the gateway’s 429 and 431 on every operation', () => {
    for (const operation of operations) {
      expect([operation.operationId, operation.responses['429']?.$ref, operation.responses['431']?.$ref]).toEqual([
        operation.operationId,
        '#/components/responses/Throttled',
        '#/components/responses/HeadersTooLarge',
      ]);
    }
  });

  test('documents the 409 of a dialogue not open: JSON for the API, a page for the form', () => {
    expect(mediaTypes('SubmitResponse', 409)).toEqual(['application/json']);
    expect(mediaTypes('FormPage', 409)).toEqual(['text/html']);
    expect(mediaTypes('FormPost', 409)).toEqual(['text/html']);
    // An ended dialogue's form page is a 200 page with the way to its results.
    expect(mediaTypes('FormPage', 200)).toEqual(['text/html']);
  });

  test('documents the pages’ 400 and 404 as pages, and the 400 of a bad path or query as JSON', () => {
    expect(mediaTypes('FormPage', 404)).toEqual(['text/html']);
    expect(mediaTypes('ResultsPage', 404)).toEqual(['text/html']);
    expect(mediaTypes('UnsubscribePage', 400).sort()).toEqual(['application/json', 'text/html']);
    expect(mediaTypes('Unsubscribe', 400).sort()).toEqual(['application/json', 'text/html']);
    expect(mediaTypes('ResultsPage', 400)).toEqual(['application/json']);
  });

  test('documents POST /form/{id} as it is: form-encoded in, pages out (201 receipt, 200 move, 400, 404, 409)', () => {
    const post = operationOf('FormPost');
    expect(Object.keys(post.requestBody?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    for (const status of [201, 200, 404, 409])
      expect([status, mediaTypes('FormPost', status)]).toEqual([status, ['text/html']]);
    // The form again with its errors; a path that is no dialogue id is the parsing's JSON 400.
    expect(mediaTypes('FormPost', 400)).toEqual(['text/html', 'application/json']);
    expect(post.responses['415']?.description).toContain('application/x-www-form-urlencoded');
    expect(operationOf('SubmitResponse').responses['415']?.description).toContain('application/json');
  });

  test('documents the CSV of the officials’ results beside its JSON', () => {
    expect(mediaTypes('GetOfficialResults', 200).sort()).toEqual(['application/json', 'text/csv']);
  });

  test('documents a 400’s bound: at most 100 issues and the count of all', () => {
    const schema = document.components.schemas.ValidationError as {
      required: string[];
      properties: { issues: { maxItems: number } };
    };
    expect(schema.required).toEqual(expect.arrayContaining(['issues', 'issueCount']));
    expect(schema.properties.issues.maxItems).toBe(100);
  });

  test('each route’s successStatus is one of its declared replies', () => {
    for (const route of routeList)
      expect([route.name, String(route.successStatus) in route.responses]).toEqual([route.name, true]);
    expect(routes.submitResponse.successStatus).toBe(201);
  });
});
