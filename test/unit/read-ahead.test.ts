/** functions/adapters/read-ahead.ts: the next page is asked for while the caller works on the current one. */
import { readAhead } from '../../functions/adapters/read-ahead';

/** Pages 1…count, logging when each is asked for and when the source is closed. */
function source(count: number, log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (let page = 1; page <= count; page++) {
        log.push(`ask ${page}`);
        await new Promise((resolve) => setImmediate(resolve));
        if (page === failAt) throw new Error(`page ${page} failed`);
        yield page;
      }
    } finally {
      log.push('closed');
    }
  })();
}

describe('readAhead', () => {
  it('asks for the next page before the caller is done with the one it has, and yields every page in order', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const page of readAhead(source(3, log))) {
      log.push(`work ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([1, 2, 3]);
    // The source is done (closed) while the caller still works on the last page.
    expect(log).toEqual(['ask 1', 'ask 2', 'work 1', 'ask 3', 'work 2', 'closed', 'work 3']);
  });

  it('a caller that stops early closes the source after the one page read ahead', async () => {
    const log: string[] = [];
    for await (const page of readAhead(source(10, log))) if (page === 2) break;
    expect(log).toEqual(['ask 1', 'ask 2', 'ask 3', 'closed']);
  });

  it('a page that fails fails the caller when it reaches it; one read ahead of an early stop is nobody’s failure', async () => {
    await expect(
      (async () => {
        for await (const _ of readAhead(source(3, [], 2)));
      })(),
    ).rejects.toThrow('page 2 failed');
    const log: string[] = [];
    for await (const page of readAhead(source(3, log, 2))) if (page === 1) break;
    expect(log).toEqual(['ask 1', 'ask 2', 'closed']);
  });
});
