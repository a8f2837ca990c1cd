/** How the benchmarks measure and print, apart from the stack they run against (the load process uses it too). */

/** Prints one benchmark line in the contract's shape. */
export const report = (name: string, value: number, unit = ''): void =>
  console.log(`bench: ${name} = ${Number(value.toPrecision(4))}${unit ? ` ${unit}` : ''}`);

/** The middle value: these machines are noisy, so repeated timings are compared by their medians. */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Runs `task(i)` for i < total with `concurrency` in flight; returns operations per second. */
export async function throughput(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}
