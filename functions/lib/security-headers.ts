import { env } from './env';

type Headers = Record<string, string>;
let built: { embeddable: Headers; other: Headers } | undefined;

/**
 * Headers of every HTML page. The CSP allows only this API's own styles and scripts (no inline ones), and lets
 * only the stage's municipal pages frame the form (`embeddable`); every other page may not be framed at all.
 * Built once per cold start: they follow from the environment alone.
 */
export function pageSecurityHeaders(embeddable: boolean): Headers {
  built ??= build();
  return embeddable ? built.embeddable : built.other;
}

function build(): { embeddable: Headers; other: Headers } {
  const { publicBaseUrl, embeddingOrigins } = env();
  const self = `'self' ${new URL(publicBaseUrl).origin}`;
  const csp = (frameAncestors: string) =>
    [
      "default-src 'none'",
      `script-src ${self}`,
      `style-src ${self}`,
      `img-src ${self} data:`,
      `connect-src ${self}`,
      `form-action ${self}`,
      "base-uri 'none'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; ');
  const headers = (frameAncestors: string) => ({
    'content-security-policy': csp(frameAncestors),
    'referrer-policy': 'no-referrer',
  });
  return { embeddable: headers(embeddingOrigins.join(' ')), other: headers("'none'") };
}
