/** A small reader of the raw MIME messages the mailout builds (shared/mail/mime.ts), for assertions. */

/** One raw MIME message taken apart: unfolded headers (lower-case names) and the decoded body parts. */
export interface ParsedMime {
  readonly headers: Record<string, string>;
  readonly parts: Array<{ headers: Record<string, string>; body: string }>;
}

function headerBlock(block: string): Record<string, string> {
  const unfolded = block.replace(/\r\n[ \t]+/g, ' ');
  return Object.fromEntries(
    unfolded
      .split('\r\n')
      .filter(Boolean)
      .map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }),
  );
}

export function parseMime(raw: string): ParsedMime {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headerBlock(raw.slice(0, split));
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, parts: [] };
  const parts = raw
    .slice(split + 4)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const body = chunk.replace(/^\r\n/, '');
      const end = body.indexOf('\r\n\r\n');
      const partHeaders = headerBlock(body.slice(0, end));
      const content = body.slice(end + 4);
      const decoded = /base64/i.test(partHeaders['content-transfer-encoding'] ?? '')
        ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
        : content;
      return { headers: partHeaders, body: decoded };
    });
  return { headers, parts };
}
