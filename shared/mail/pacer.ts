/**
 * Starts tasks one at a time, at least `1 / perSecond` apart, measured from each actual start: the task is called
 * at the moment its turn comes, so nothing (a busy event loop, a timer firing a little early) can bunch the starts.
 * So no window of one second ever holds more than `perSecond` starts: SES's maximum send rate is per second.
 */
export function pacer(
  perSecond: number,
  now: () => number = () => performance.now(),
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
) {
  // Half a percent above the exact spacing, so rounding in the clocks never lets one start too many into a second.
  const spacingMs = (1000 / perSecond) * 1.005;
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(start: () => Promise<T> | T): Promise<T> => {
    const turn = queue.then(async () => {
      const due = lastStart + spacingMs;
      for (let wait = due - now(); wait > 0; wait = due - now()) await sleep(Math.max(1, wait));
      lastStart = now();
      // Only the start is paced; the next turn does not wait for this task to finish.
      return { started: start() };
    });
    // A task that throws as it starts fails its own caller, not every turn after it.
    queue = turn.catch(() => undefined);
    return turn.then(({ started }) => started);
  };
}
