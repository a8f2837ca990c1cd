import { startBenchStack } from './harness';
import { benchSubmit } from './submit';
import { benchAggregate } from './aggregate';
import { benchBundle } from './bundle';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchExport } from './export';
import { benchMailout } from './mailout';

/** `npm run bench`: every benchmark against the real local parts; ratios use baselines from the same run. */
async function main(): Promise<void> {
  await benchBundle();
  // A process of its own: the local stack it starts binds the handlers' adapters to its own DynamoDB Local.
  execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lighthouse.ts')], { stdio: 'inherit' });
  const stack = await startBenchStack();
  try {
    await benchSubmit(stack);
    await benchExport(stack, await benchAggregate(stack));
    await benchMailout(stack);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
