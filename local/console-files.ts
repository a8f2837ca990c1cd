import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleSecurityHeaders } from '../console/security-headers';
import type { ConsoleConfig } from '../console/src/auth';

const dist = join(__dirname, '../console/dist');

/** What S3 + CloudFront serve in AWS: the built console, under a CSP that allows only its own origin. */
const files: Record<string, { file: string; type: string }> = {
  '/console/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/console/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};

const security = consoleSecurityHeaders();
const headers = {
  'content-security-policy': security.contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': security.referrerPolicy,
  'cache-control': 'no-cache',
};

/** `/console/…` of the local stack; `config` names its identity provider. */
export function consoleFiles(config: ConsoleConfig) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (request.method !== 'GET') return false;
    if (url.pathname === '/console') {
      response.writeHead(308, { location: '/console/' }).end();
      return true;
    }
    if (url.pathname === '/console/config.json') {
      response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(config));
      return true;
    }
    const found = files[url.pathname];
    if (!found) return false;
    const body = await readFile(join(dist, found.file)).catch(() => undefined);
    if (!body) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('The console is not built: run npm run build:web');
      return true;
    }
    // Compressed as CloudFront compresses it in AWS, where the browser takes gzip.
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response
      .writeHead(200, {
        ...headers,
        'content-type': found.type,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      })
      .end(gzip ? gzipSync(body) : body);
    return true;
  };
}
