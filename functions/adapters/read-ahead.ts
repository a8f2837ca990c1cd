/**
 * Pages one ahead: the next page's request is in flight while the caller works through the one it has, so reading
 * and the caller's work overlap instead of taking turns. A caller that stops early leaves at most one page unread.
 */
export async function* readAhead<Page>(pages: AsyncIterable<Page>): AsyncGenerator<Page> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (let page = await next; !page.done; page = await next) {
      next = iterator.next();
      yield page.value;
    }
  } finally {
    // Stopped early: the page asked for ahead is not wanted, and its failure (if any) is nobody's to handle.
    next.catch(() => undefined);
    await iterator.return?.();
  }
}
