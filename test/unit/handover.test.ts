import { handoverAt } from '../../shared/mail/handover';

describe('handoverAt: a mailout run hands over to the scheduled run at a tick, so sending never idles between runs', () => {
  const minute = 60_000;

  it('is the last tick before the run would have to stop for its deadline', () => {
    // Every minute, a five-minute deadline, a 15 s stop margin (AWS): the run sends for four minutes.
    expect(handoverAt(0, minute, 5 * minute, 15_000)).toBe(4 * minute);
    // A run that started late after its tick still hands over on the tick.
    expect(handoverAt(0, minute, 3_000 + 5 * minute, 15_000)).toBe(4 * minute);
    expect(handoverAt(0, minute, 5 * minute + 15_000, 15_000)).toBe(5 * minute);
  });

  it('is undefined when no tick comes before the run must stop: it keeps to its deadline', () => {
    expect(handoverAt(0, 5 * minute, 5 * minute, 15_000)).toBeUndefined();
    expect(handoverAt(0, minute, minute, 15_000)).toBeUndefined();
  });
});
