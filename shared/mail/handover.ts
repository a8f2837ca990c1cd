/**
 * When a mailout run should hand over to the next scheduled run, so the send rate never idles between runs.
 *
 * The job runs every `everyMs` and may live until `deadlineMs`; a run that simply stopped near its deadline would leave
 * the account idle until the next tick after it (in AWS, 15 s of every 5 minutes). Instead the run stops starting
 * sends at the last tick before it would have to stop anyway, and its lease on the sender ends then, so that tick's
 * run takes over at once. Undefined when no tick comes before the run's end: it keeps to its deadline.
 */
export function handoverAt(
  tickAtMs: number,
  everyMs: number,
  deadlineMs: number,
  stopMarginMs: number,
): number | undefined {
  const ticks = Math.floor((deadlineMs - stopMarginMs - tickAtMs) / everyMs);
  return ticks >= 1 ? tickAtMs + ticks * everyMs : undefined;
}
