/** How the benchmarks measure and print, apart from the stack they run against (the load process uses it too). */

const figure = (value: number): number => Number(value.toPrecision(4));

/** Prints one benchmark line in the contract's shape. */
export const report = (name: string, value: number, unit = ''): void =>
  console.log(`bench: ${name} = ${figure(value)}${unit ? ` ${unit}` : ''}`);

/** The same, with the spread of what the figure sums up: the lowest and highest of its samples (rounds, windows). */
export function reportSpread(name: string, value: number, samples: readonly number[], over: string): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const spread = sorted.length ? `${figure(sorted[0] as number)}–${figure(sorted.at(-1) as number)}` : 'none';
  console.log(`bench: ${name} = ${figure(value)} (spread ${spread} over ${samples.length} ${over})`);
}

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
