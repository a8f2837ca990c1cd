import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalIdentity } from './identity';
import type { LocalScheduler } from './scheduler';

interface LocalRouteDeps {
  readonly scheduler: LocalScheduler;
  readonly identity: LocalIdentity;
}

const json = (response: ServerResponse, statusCode: number, body: unknown): true => {
  response.writeHead(statusCode, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
  return true;
};

/** Routes that exist only in the local stack: run a job now, and the local identity provider's keys. */
export function localRoutes({ scheduler, identity }: LocalRouteDeps) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === '/local-idp/.well-known/jwks.json' && request.method === 'GET') {
      return json(response, 200, identity.publicJwks());
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
