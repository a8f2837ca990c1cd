import { env } from './env';

/**
 * Headers of every HTML page. The CSP allows only this API's own styles and scripts (no inline ones), and lets
 * only the stage's municipal pages frame the form (`embeddable`); every other page may not be framed at all.
 */
export function pageSecurityHeaders(embeddable: boolean): Record<string, string> {
  const { publicBaseUrl, embeddingOrigins } = env();
  const self = `'self' ${new URL(publicBaseUrl).origin}`;
  const csp = [
    "default-src 'none'",
    `script-src ${self}`,
    `style-src ${self}`,
    `img-src ${self} data:`,
    `connect-src ${self}`,
    `form-action ${self}`,
    "base-uri 'none'",
    `frame-ancestors ${embeddable ? embeddingOrigins.join(' ') : "'none'"}`,
  ].join('; ');
  return { 'content-security-policy': csp, 'referrer-policy': 'no-referrer' };
}
