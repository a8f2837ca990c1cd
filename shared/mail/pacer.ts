/**
 * Starts tasks one at a time at `perSecond`, and never more than that in any one-second window: SES's maximum send
 * rate is per second. Each start keeps to a schedule (1 / perSecond apart), not to the one before it, so a start that
 * came late (a GC pause, a busy CPU, a timer firing late) is made up: the next ones go sooner, at most twice the pace,
 * until the schedule is met again. Only time lost while a task was waiting is made up, and at most one window of it;
 * a pause with nothing to send saves up nothing.
 */
export function pacer(
  perSecond: number,
  now: () => number = () => performance.now(),
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
) {
  // Half a percent above the exact spacing, so rounding in the clocks never lets one start too many into a second.
  const spacingMs = (1000 / perSecond) * 1.005;
  // The window SES counts in: `capacity` starts in any `windowMs` (one second, for a rate of one or more).
  const capacity = Math.max(1, Math.floor(perSecond));
  const windowMs = capacity * spacingMs;
  /** The latest starts, oldest first: at most `capacity`. */
  const recent: number[] = [];
  let scheduled = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();

  const dueFor = (asked: number): number => {
    const last = recent.at(-1) ?? Number.NEGATIVE_INFINITY;
    // A caller that asked after both its slot and a whole spacing since the last start found the pacer idle:
    // nothing to make up. (One that asked as the last start went, as a caller in a loop does, kept it busy.)
    if (asked > Math.max(scheduled, last + spacingMs)) scheduled = asked;
    scheduled = Math.max(scheduled, now() - windowMs);
    const windowFull = recent.length === capacity ? (recent[0] as number) + windowMs : Number.NEGATIVE_INFINITY;
    return Math.max(scheduled, last + spacingMs / 2, windowFull);
  };

  return <T>(start: () => Promise<T> | T): Promise<T> => {
    const asked = now();
    const turn = queue.then(async () => {
      const due = dueFor(asked);
      for (let wait = due - now(); wait > 0; wait = due - now()) await sleep(Math.max(1, wait));
      const startedAt = now();
      recent.push(startedAt);
      if (recent.length > capacity) recent.shift();
      scheduled += spacingMs;
      // Only the start is paced; the next turn does not wait for this task to finish.
      return { started: start() };
    });
    // A task that throws as it starts fails its own caller, not every turn after it.
    queue = turn.catch(() => undefined);
    return turn.then(({ started }) => started);
  };
}
