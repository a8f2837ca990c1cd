import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalIdentity } from './identity';
import { demoIframePage, demoPage } from './demo-pages';
import type { LocalScheduler } from './scheduler';

interface LocalRouteDeps {
  readonly scheduler: LocalScheduler;
  readonly identity: LocalIdentity;
  /** The identity provider's sign-in, and the console it signs in to. */
  readonly more: ReadonlyArray<(request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>>;
}

const demoPages: Record<string, () => string> = { '/demo': demoPage, '/demo/iframe': demoIframePage };

const json = (response: ServerResponse, statusCode: number, body: unknown): true => {
  response.writeHead(statusCode, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
  return true;
};

/**
 * Routes that exist only in the local stack: run a job now, the local identity provider (keys, sign-in), the
 * console's files, the demo pages.
 */
export function localRoutes({ scheduler, identity, more }: LocalRouteDeps) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    for (const routes of more) if (await routes(request, response, url)) return true;
    if (url.pathname === '/local-idp/.well-known/jwks.json' && request.method === 'GET') {
      return json(response, 200, identity.publicJwks());
    }
    const demo = demoPages[url.pathname];
    if (demo && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(demo());
      return true;
    }
    const job = /^\/local\/jobs\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (!job) return false;
    if (request.method !== 'POST') return json(response, 405, { message: 'Method Not Allowed' });
    if (!scheduler.has(job)) return json(response, 404, { message: `No job named "${job}"` });
    const outcome = await scheduler.run(job);
    return outcome.ran
      ? json(response, 200, { job, result: outcome.result ?? null })
      : json(response, 409, { job, message: 'A run of this job is still in progress; try again shortly.' });
  };
}
