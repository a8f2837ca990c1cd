import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '../local/lambda-context';
import { keys } from '../shared/keys';
import { submitResponseRoute } from '../shared/routes';
import type { BenchStack } from './harness';
import { type Round, loadRound, median, percentile, processCpuMs, report, reportSpread } from './measure';
import { httpLoad } from './http-load';

/** CPU time per request, in µs, of each process on the machine. */
interface CpuPerRequest {
  readonly bench: number;
  readonly load: number;
  readonly dynamodb: number;
}

const CONCURRENCY = 16;
const PER_ROUND = 2000;
const WARM_ROUNDS = 3;
const ROUNDS = 5;
/** Calls of each CPU-only piece timed one after another, after as many to warm them. */
const PIECE_CALLS = 5000;

const answers = {
  favourite: 'alla',
  ranking: ['alla', 'natur', 'aventyr'],
  important: ['shade', 'seating'],
  'rating-alla': 4,
  visits: true,
  comments: 'Fler bänkar i skuggan, tack.',
};
const profile = { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' };
const body = () => JSON.stringify({ submissionId: randomUUID(), answers, profile });

/** The payload-v2 event API Gateway passes for a submission, built here so the handler runs without any gateway. */
const submitEvent = (json: string): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: `${submitResponseRoute.method} ${submitResponseRoute.path}`,
  rawPath: '/dialogues/demo/responses',
  rawQueryString: '',
  headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) },
  pathParameters: { id: 'demo' },
  requestContext: {
    accountId: 'bench',
    apiId: 'bench',
    domainName: 'localhost',
    domainPrefix: 'localhost',
    http: {
      method: 'POST',
      path: '/dialogues/demo/responses',
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'bench',
    },
    requestId: randomUUID(),
    routeKey: `${submitResponseRoute.method} ${submitResponseRoute.path}`,
    stage: '$default',
    time: new Date().toUTCString(),
    timeEpoch: Date.now(),
  },
  body: json,
  isBase64Encoded: false,
});

/** Mean microseconds per call of a CPU-only piece, called one after another (warmed first by as many calls). */
async function microseconds(piece: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < PIECE_CALLS; i++) await piece(i);
  const started = performance.now();
  for (let i = 0; i < PIECE_CALLS; i++) await piece(i);
  return ((performance.now() - started) * 1000) / PIECE_CALLS;
}

/**
 * submit_vs_raw_put and submit_p99_vs_raw_p99: accepted submissions through the local gateway and the handler, against
 * raw PutItem of the same item at the same concurrency; then where the difference goes. The handler is also called
 * directly (no HTTP, no gateway), and its CPU-only pieces are timed on their own: the middy chain with parsing and
 * validation (a handler that stores nothing), the domain's checks against the dialogue, and the dialogue cache.
 */
export async function benchSubmit(stack: BenchStack): Promise<void> {
  // Imported only now: the handler's environment is the bench stack's, set when it started.
  const { handler } = await import('../functions/dialogues/submit/handler');
  const { httpRoute } = await import('../functions/lib/http');
  const { runtime } = await import('../functions/lib/runtime');
  const { submitResponse } = await import('../shared/responses/submit');
  const load = httpLoad();
  const url = `${stack.apiUrl}/dialogues/demo/responses`;
  // The same item a submission writes (key, arrival index entry, answers) with the same condition, raw.
  const putOne = async (i: number) => {
    const [responseId, receivedAt] = [randomUUID(), new Date().toISOString()];
    await stack.documentClient.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: {
          ...keys.response('raw', randomUUID()),
          ...keys.responseArrival(keys.responsePartition('raw', i % 4), receivedAt, responseId),
          kind: 'response',
          responseId,
          dialogueId: 'raw',
          receivedAt,
          dialogueVersion: 1,
          answers,
          profile,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  };
  const direct = async () => {
    const result = (await handler(submitEvent(body()), lambdaContext('bench-submit'))) as { statusCode: number };
    if (result.statusCode !== 201) throw new Error(`the handler answered ${result.statusCode}`);
  };
  const paths: Record<'submit' | 'direct' | 'rawPut', () => Promise<Round>> = {
    submit: () =>
      load.round({ url, total: PER_ROUND, concurrency: CONCURRENCY, bodies: Array.from({ length: PER_ROUND }, body) }),
    direct: () => loadRound(PER_ROUND, CONCURRENCY, direct),
    rawPut: () => loadRound(PER_ROUND, CONCURRENCY, putOne),
  };
  // The three processes that share the cores: this one (gateway and handler, or the raw client), the load
  // generator, and DynamoDB Local. Each round notes the CPU each used per request.
  const cpuMsOf = (): CpuPerRequest => ({
    bench: processCpuMs(process.pid),
    load: processCpuMs(load.pid),
    dynamodb: processCpuMs(stack.dynamo.process.pid as number),
  });
  const cpu = { submit: [] as CpuPerRequest[], direct: [] as CpuPerRequest[], rawPut: [] as CpuPerRequest[] };
  try {
    // Node and DynamoDB Local's JVM both compile hot code as it runs: every path is warmed alike first, then
    // rounds alternate between the paths so drift in the machine falls on all of them, and medians are compared.
    for (let round = 0; round < WARM_ROUNDS; round++) for (const path of Object.values(paths)) await path();
    const rounds = { submit: [] as Round[], direct: [] as Round[], rawPut: [] as Round[] };
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, path] of Object.entries(paths)) {
        const before = cpuMsOf();
        rounds[name as keyof typeof rounds].push(await path());
        const after = cpuMsOf();
        const perRequest = (part: keyof CpuPerRequest) => ((after[part] - before[part]) * 1000) / PER_ROUND;
        cpu[name as keyof typeof cpu].push({
          bench: perRequest('bench'),
          load: perRequest('load'),
          dynamodb: perRequest('dynamodb'),
        });
      }
    const rate = (name: keyof typeof rounds) => median(rounds[name].map((r) => r.perSecond));
    const p99 = (name: keyof typeof rounds) => median(rounds[name].map((r) => percentile(r.latenciesMs, 0.99)));
    const perRound = (name: keyof typeof rounds, of: (r: Round) => number) =>
      rounds[name].map((r, i) => of(r) / of(rounds.rawPut[i] as Round));
    report('submit_per_s', rate('submit'), 'req/s');
    report('submit_direct_per_s', rate('direct'), 'req/s (the handler called without HTTP or gateway)');
    report('raw_put_per_s', rate('rawPut'), 'req/s');
    reportSpread(
      'submit_vs_raw_put',
      rate('submit') / rate('rawPut'),
      perRound('submit', (r) => r.perSecond),
      'rounds',
    );
    reportSpread(
      'submit_direct_vs_raw_put',
      rate('direct') / rate('rawPut'),
      perRound('direct', (r) => r.perSecond),
      'rounds',
    );
    report('submit_p99_ms', p99('submit'), 'ms');
    report('raw_put_p99_ms', p99('rawPut'), 'ms');
    reportSpread(
      'submit_p99_vs_raw_p99',
      p99('submit') / p99('rawPut'),
      perRound('submit', (r) => percentile(r.latenciesMs, 0.99)),
      'rounds',
    );

    // Where the time goes, per submission: the gateway's and HTTP's share, the handler's beyond the write, and
    // within that the CPU-only pieces, timed alone.
    const perRequestUs = (name: keyof typeof rounds) => 1e6 / rate(name);
    report('submit_split_gateway_and_http_us', perRequestUs('submit') - perRequestUs('direct'), 'µs per request');
    report('submit_split_handler_beyond_put_us', perRequestUs('direct') - perRequestUs('rawPut'), 'µs per request');
    // The same per request in CPU time, per process (medians over the rounds; the clock ticks in 10 ms steps).
    const cpuFigures = {
      submit: ['submit_cpu_us', 'gateway and handler'],
      direct: ['submit_direct_cpu_us', 'handler'],
      rawPut: ['raw_put_cpu_us', 'raw client'],
    } as const;
    for (const [name, [figure, bench]] of Object.entries(cpuFigures)) {
      const rounds = cpu[name as keyof typeof cpu];
      const of = (part: keyof CpuPerRequest) => Math.round(median(rounds.map((c) => c[part])));
      report(
        figure,
        median(rounds.map((c) => c.bench + c.load + c.dynamodb)),
        `µs per request, all processes (${bench} ${of('bench')}, load generator ${of('load')}, DynamoDB Local ${of('dynamodb')}; ${availableParallelism()} cores)`,
      );
    }
    const receipt = JSON.parse(
      ((await handler(submitEvent(body()), lambdaContext('bench-submit'))) as { body: string }).body,
    ) as unknown;
    const chainOnly = httpRoute(submitResponseRoute, async () => ({ json: receipt as never }));
    report(
      'submit_piece_middy_parse_validate_us',
      await microseconds(() => chainOnly(submitEvent(body()), lambdaContext('bench-submit'))),
      'µs (middy chain, body parse, zod, error mapping; nothing stored)',
    );
    const saved = { save: async (submission: never) => submission };
    report(
      'submit_piece_domain_us',
      await microseconds(() =>
        submitResponse(
          { ...runtime, dialogues: runtime.cachedDialogues, responses: saved as never },
          'demo',
          JSON.parse(body()) as unknown,
        ),
      ),
      'µs (checks against the dialogue, the stored item built; nothing stored)',
    );
    report(
      'submit_piece_dialogue_cache_us',
      await microseconds(() => runtime.cachedDialogues.get('demo', false)),
      'µs (a cached dialogue)',
    );
  } finally {
    load.stop();
  }
}
