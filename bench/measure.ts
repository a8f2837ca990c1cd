import { readFileSync } from 'node:fs';

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

/** The value below which `share` of the values lie (nearest rank), e.g. 0.99 for the p99. */
export const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] as number;
};

/** One round of load: operations per second, and each operation's latency in milliseconds. */
export interface Round {
  readonly perSecond: number;
  readonly latenciesMs: number[];
}

/**
 * The CPU time a process has used so far, in milliseconds (user and system, from Linux's /proc): the bench, its
 * load generator and DynamoDB Local share this machine's cores, so a path's cost is their sum, not one process's.
 */
export function processCpuMs(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks of 10 ms.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs `task(i)` for i < total with `concurrency` in flight, timing each. */
export async function loadRound(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<Round> {
  let next = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const at = performance.now();
        await task(next++);
        latenciesMs.push(performance.now() - at);
      }
    }),
  );
  return { perSecond: total / ((performance.now() - started) / 1000), latenciesMs };
}

/** Runs `task(i)` for i < total with `concurrency` in flight; returns operations per second. */
export const throughput = async (
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> => (await loadRound(total, concurrency, task)).perSecond;
