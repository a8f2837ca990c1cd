import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localIdentity } from '../../local/identity';
import { type StackPorts, freeStackPorts, startStackProcess, tempLocalDir } from '../support/stack-process';

/** Every path under `dir` (itself included) with its permission bits, as `path 700`. */
function modes(dir: string): string[] {
  const here = [`${dir} ${(statSync(dir).mode & 0o777).toString(8)}`];
  return here.concat(
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? modes(path) : [`${path} ${(statSync(path).mode & 0o777).toString(8)}`];
    }),
  );
}

describe('npm start with its data kept in LOCAL_DIR', () => {
  let ports: StackPorts;
  let localDir: string;

  beforeAll(async () => {
    ports = await freeStackPorts();
    localDir = tempLocalDir();
    // What an earlier version left: a world-readable folder and file.
    chmodSync(localDir, 0o755);
    mkdirSync(join(localDir, 'dynamodb'), { mode: 0o755 });
    writeFileSync(join(localDir, 'unsubscribe-secret'), 'an-earlier-run-wrote-this-secret-world-readable', {
      mode: 0o644,
    });
  });

  /** Runs the stack until `use` is done, then stops it with SIGTERM as Ctrl-C would. */
  async function withStack(
    args: string[],
    use: (api: (path: string, init?: RequestInit) => Promise<Response>) => Promise<void>,
  ) {
    const stack = startStackProcess({ ...ports, LOCAL_DIR: localDir }, { args });
    try {
      await stack.ready();
      await use((path, init) => fetch(`http://localhost:${ports.PORT}${path}`, init));
      stack.child.kill('SIGTERM');
      expect(await stack.exited).toBe(0);
    } finally {
      stack.killAll();
    }
  }

  const demoStatus = async (api: (path: string) => Promise<Response>) =>
    ((await (await api('/dialogues/demo')).json()) as { status: string }).status;

  it('keeps every folder 0700 and every file 0600, those of an earlier run included', async () => {
    await withStack([], async () => {
      const found = modes(localDir);
      // The signing key, the secret, the stack record and DynamoDB Local's database file, at least.
      expect(found.length).toBeGreaterThanOrEqual(6);
      for (const entry of found) expect(entry).toMatch(/ (700|600)$/);
      expect(found.some((entry) => /\/dynamodb\/[^/]+\.db 600$/.test(entry))).toBe(true);
    });
  }, 60_000);

  it('leaves a closed demo closed on the next start, and --reset-demo seeds it open afresh', async () => {
    const token = await (
      await localIdentity(Number(ports.PORT), join(localDir, 'idp-key.json'))
    ).issue({
      committees: [],
      admin: true,
    });
    await withStack([], async (api) => {
      const closed = await api('/admin/dialogues/demo/status', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'closed' }),
      });
      expect(`${closed.status} ${await closed.text()}`).toMatch(/^200/);
    });
    await withStack([], async (api) => expect(await demoStatus(api)).toBe('closed'));
    await withStack(['--reset-demo'], async (api) => expect(await demoStatus(api)).toBe('open'));
  }, 90_000);
});
