/**
 * Spaces starts evenly at `perSecond`: the k-th start is never before `first + k / perSecond`, so no window of one
 * second ever holds more than `perSecond` starts (SES's maximum send rate is per second).
 */
export function pacer(perSecond: number, now: () => number = () => performance.now(), sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  const spacingMs = 1000 / perSecond;
  let next: number | undefined;
  return async (): Promise<void> => {
    const at = Math.max(next ?? now(), now());
    next = at + spacingMs;
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };
}
