import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local/ports';
import { conformingFetch } from '../support/openapi-conformance';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startStack(env: NodeJS.ProcessEnv, args: string[] = ['--in-memory']): Started {
  const child = spawn(tsx, ['local/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const javaFor = (dynamoPort: number): string => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${dynamoPort}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

describe('npm start (the local stack)', () => {
  let ports: { PORT: string; DYNAMODB_PORT: string; SES_PORT: string };
  let stack: Started;
  let readyMs: number;

  beforeAll(async () => {
    ports = {
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
    };
    const started = Date.now();
    stack = startStack({ ...ports, SCHEDULE_INTERVAL_SECONDS: '3600' });
    await waitFor(() => /is ready/.test(stack.output()) || stack.child.exitCode !== null, 30_000);
    readyMs = Date.now() - started;
  }, 40_000);

  afterAll(async () => {
    if (stack.child.exitCode === null) {
      stack.child.kill('SIGKILL');
    }
  });

  const api = (path: string, init?: RequestInit) => conformingFetch(`http://localhost:${ports.PORT}${path}`, init);

  it('prints its ready line with every URL within 30 seconds', () => {
    expect(stack.output()).toMatch(/is ready/);
    expect(readyMs).toBeLessThan(30_000);
    for (const port of Object.values(ports)) expect(stack.output()).toContain(`localhost:${port}`);
  });

  it('answers health, lists the configured committees and seeds the open demo dialogue', async () => {
    expect(await (await api('/health')).json()).toEqual({ status: 'ok' });
    const committees = (await (await api('/committees')).json()) as Array<{ id: string; name: string }>;
    expect(committees).toContainEqual({ id: 'kommunstyrelsen', name: 'Kommunstyrelsen' });
    const demo = (await (await api('/dialogues/demo')).json()) as { status: string };
    expect(demo.status).toBe('open');
    expect((await api('/openapi.json')).status).toBe(200);
  });

  it('answers headers over the limit with 431 and no body, as the OpenAPI document says', async () => {
    // API Gateway refuses headers over its limit before any handler runs; locally Node's HTTP server does (16 KB).
    const answer = await api('/dialogues/demo', { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(answer.status).toBe(431);
  });

  it('runs the SES emulator with its inbox store on SES_PORT', async () => {
    const store = await fetch(`http://localhost:${ports.SES_PORT}/store`);
    expect(store.status).toBe(200);
  });

  it('turns an officials’ route away without a token and lets a dev token through', async () => {
    expect((await api('/admin/me')).status).toBe(401);
    const token = execFileSync(tsx, ['local/dev-token.ts', '--committee', 'socialnamnden'], {
      cwd: root,
      env: { ...process.env, ...ports },
      encoding: 'utf8',
    }).trim();
    const me = await api('/admin/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { committees: Array<{ id: string }> }).committees).toEqual([
      { id: 'socialnamnden', name: 'Socialnämnden' },
    ]);
  });

  it('runs a scheduled job on demand', async () => {
    const run = await api('/local/jobs/close-dialogues', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({ job: 'close-dialogues', result: { closed: [] } });
    expect((await api('/local/jobs/no-such-job', { method: 'POST' })).status).toBe(404);
  });

  it('refuses to start a second time on the same ports with a one-line reason', async () => {
    const second = startStack(ports);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Port \d+ is already in use \((PORT|DYNAMODB_PORT|SES_PORT)\)/);
  }, 30_000);

  it('stops every child, Java included, on SIGINT', async () => {
    expect(javaFor(Number(ports.DYNAMODB_PORT))).not.toBe('');
    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
    await waitFor(() => javaFor(Number(ports.DYNAMODB_PORT)) === '', 10_000);
  }, 20_000);
});

describe('npm start without Java', () => {
  it('says in one line that Java 17+ is needed and how to install it', async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), 'nojava-'));
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts', '--in-memory'],
      {
        cwd: root,
        env: {
          ...process.env,
          PATH: emptyPath,
          PORT: String(await freePort()),
          DYNAMODB_PORT: String(await freePort()),
          SES_PORT: String(await freePort()),
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /Java was not found\. DynamoDB Local needs Java 17 or newer: install it \(Debian: apt-get install openjdk-17-jre-headless\)/,
    );
  }, 30_000);
});
