import { startBenchStack } from './harness';
import { benchSubmit } from './submit';
import { benchAggregate } from './aggregate';
import { benchBundle } from './bundle';
import { benchMailout } from './mailout';

/** `npm run bench`: every benchmark against the real local parts; ratios use baselines from the same run. */
async function main(): Promise<void> {
  await benchBundle();
  const stack = await startBenchStack();
  try {
    await benchSubmit(stack);
    await benchAggregate(stack);
    await benchMailout(stack);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
