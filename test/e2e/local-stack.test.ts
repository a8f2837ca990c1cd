import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local/ports';
import { conformingFetch } from '../support/openapi-conformance';
import { getStageConfig } from '../../shared/stages';
import {
  type StackPorts,
  type StackProcess,
  freeStackPorts,
  javaOnPort,
  listeningAddresses,
  root,
  startStackProcess,
  tempLocalDir,
  waitFor,
} from '../support/stack-process';

const LOOPBACK = ['127.0.0.1', '::ffff:127.0.0.1'];

describe('npm start (the local stack)', () => {
  let ports: StackPorts;
  let localDir: string;
  let stack: StackProcess;
  let readyMs: number;

  beforeAll(async () => {
    ports = await freeStackPorts();
    localDir = tempLocalDir();
    const started = Date.now();
    stack = startStackProcess({ ...ports, LOCAL_DIR: localDir });
    await stack.ready();
    readyMs = Date.now() - started;
  }, 40_000);

  afterAll(() => stack.killAll());

  const api = (path: string, init?: RequestInit) => conformingFetch(`http://localhost:${ports.PORT}${path}`, init);
  /** A CLI of the stack's as a newcomer runs it: no port settings, only the data folder's place. */
  const cli = (script: string, ...args: string[]) => {
    const { PORT: _api, DYNAMODB_PORT: _dynamodb, SES_PORT: _ses, HOST: _host, ...environment } = process.env;
    return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env: { ...environment, LOCAL_DIR: localDir },
      encoding: 'utf8',
    }).trim();
  };

  it('prints its ready line with every URL within 30 seconds', () => {
    expect(stack.output()).toMatch(/is ready/);
    expect(readyMs).toBeLessThan(30_000);
    for (const port of Object.values(ports)) expect(stack.output()).toContain(`localhost:${port}`);
  });

  it('listens on the loopback address only: gateway, DynamoDB Local and the SES emulator', () => {
    for (const port of Object.values(ports)) {
      const addresses = listeningAddresses(port);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect(LOOPBACK).toContain(address);
    }
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

  it('turns an officials’ route away without a token and lets a dev token through, on the stack’s own port', async () => {
    expect((await api('/admin/me')).status).toBe(401);
    const token = cli('local/dev-token.ts', '--committee', 'socialnamnden');
    const me = await api('/admin/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { committees: Array<{ id: string }> }).committees).toEqual([
      { id: 'socialnamnden', name: 'Socialnämnden' },
    ]);
  });

  it('lets npm run aggregate reach the stack’s own DynamoDB Local', async () => {
    const submitted = await api('/dialogues/demo/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: '6c1f0a52-93d4-4d5e-8f47-1b2c3d4e5f60', answers: { favourite: 'alla' } }),
    });
    expect(submitted.status).toBe(201);
    // The aggregation folds only responses older than the stage's safety lag.
    await new Promise((r) => setTimeout(r, getStageConfig('local').aggregationLagSeconds * 1000 + 500));
    expect(cli('local/aggregate-cli.ts', '--full', 'demo')).toMatch(/^Recomputed demo: 1 responses folded/);
  });

  it('runs a scheduled job on demand', async () => {
    const run = await api('/local/jobs/close-dialogues', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({ job: 'close-dialogues', result: { closed: [] } });
    expect((await api('/local/jobs/no-such-job', { method: 'POST' })).status).toBe(404);
  });

  it('runs the reminder job on a clock moved with ?at=, and refuses a bad time or a job that takes no clock', async () => {
    // The demo promises feedback 90 days after it was seeded: 100 days on, it is overdue and undecided.
    const at = new Date(Date.now() + 100 * 86_400_000).toISOString();
    const run = await api(`/local/jobs/feedback-reminders?at=${at}`, { method: 'POST' });
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({
      job: 'feedback-reminders',
      result: { sent: [{ dialogueId: 'demo', kind: 'overdue' }], failed: [], overdue: 1 },
    });
    const store = (await (await fetch(`http://localhost:${ports.SES_PORT}/store`)).json()) as {
      emails: Array<{ destination: { to: string[] }; subject: string }>;
    };
    expect(store.emails.filter((e) => e.subject.startsWith('Återkopplingen är försenad'))).toEqual([
      expect.objectContaining({ destination: expect.objectContaining({ to: ['tekniska.namnden@ljungby.example'] }) }),
    ]);
    const again = await api(`/local/jobs/feedback-reminders?at=${at}`, { method: 'POST' });
    expect(await again.json()).toEqual({ job: 'feedback-reminders', result: { sent: [], failed: [], overdue: 1 } });
    expect((await api('/local/jobs/feedback-reminders?at=tomorrow', { method: 'POST' })).status).toBe(400);
    expect((await api(`/local/jobs/close-dialogues?at=${at}`, { method: 'POST' })).status).toBe(400);
  });

  it('refuses to start a second time on the same ports with a one-line reason', async () => {
    const second = startStackProcess({ ...ports, LOCAL_DIR: localDir });
    try {
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/Port \d+ is already in use \((PORT|DYNAMODB_PORT|SES_PORT)\)/);
    } finally {
      second.killAll();
    }
  }, 30_000);

  it('stops every child, Java included, on SIGINT', async () => {
    expect(javaOnPort(ports.DYNAMODB_PORT)).not.toEqual([]);
    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
    await waitFor(() => javaOnPort(ports.DYNAMODB_PORT).length === 0, 10_000, 'Java to exit');
  }, 20_000);
});

describe('npm start without Java', () => {
  it('says in one line that Java 17+ is needed and how to install it', async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), 'nojava-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--in-memory'], {
      cwd: root,
      env: {
        ...process.env,
        PATH: emptyPath,
        LOCAL_DIR: tempLocalDir(),
        PORT: String(await freePort()),
        DYNAMODB_PORT: String(await freePort()),
        SES_PORT: String(await freePort()),
      },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /Java was not found\. DynamoDB Local needs Java 17 or newer: install it \(Debian: apt-get install openjdk-17-jre-headless\)/,
    );
  }, 30_000);
});
