import { join } from 'node:path';
import { childrenOf, isRunning, root, spawnCaptured, waitFor } from '../support/stack-process';

const jestBin = join(root, 'node_modules/jest/bin/jest.js');

/** Another jest run, of one quick test file, in a process group of its own (killed in cleanup). */
const nestedJest = (env: NodeJS.ProcessEnv) =>
  spawnCaptured(process.execPath, [jestBin, 'test/unit/municipality.test.ts'], env);

describe('npm test’s own set-up', () => {
  let run: ReturnType<typeof nestedJest> | undefined;
  afterEach(() => {
    try {
      if (run?.child.pid) process.kill(-run.child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  });

  it('fails with one line saying what to install when Chromium is missing and cannot be installed, and exits', async () => {
    run = nestedJest({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^npm test cannot run: Chromium is missing at \/nonexistent\/chromium; .* apt-get install chromium fonts-dejavu-core/,
      ),
    ]);
  }, 30_000);

  it('leaves no DynamoDB Local behind when jest is killed with SIGKILL', async () => {
    run = nestedJest({});
    const pid = run.child.pid ?? 0;
    await waitFor(() => childrenOf(pid, /DynamoDbLocal/).length === 1, 20_000, 'the setup’s DynamoDB Local');
    const [java] = childrenOf(pid, /DynamoDbLocal/);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !isRunning(java ?? 0), 10_000, 'the orphaned DynamoDB Local to exit');
  }, 40_000);
});
