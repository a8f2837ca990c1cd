/**
 * Lets callers start one at a time, at least `1 / perSecond` apart, measured from each actual start (timers fire
 * late, never early, so the gaps only grow). So no window of one second ever holds more than `perSecond` starts:
 * SES's maximum send rate is per second.
 */
export function pacer(perSecond: number, now: () => number = () => performance.now(), sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  // 1 % above the exact spacing: a start observed a fraction of a millisecond early must not make 101 in a second.
  const spacingMs = (1000 / perSecond) * 1.01;
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  return (): Promise<void> => {
    const turn = queue.then(async () => {
      const wait = lastStart + spacingMs - now();
      if (wait > 0) await sleep(wait);
      lastStart = now();
    });
    queue = turn;
    return turn;
  };
}
