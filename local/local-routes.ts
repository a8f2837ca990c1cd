import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalIdentity } from './identity';
import { demoIframePage, demoPage } from './demo-pages';
import { type LocalScheduler, NoClockError, clockFrom } from './scheduler';

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
    // `?at=<ISO time>`: the job runs on a clock moved there (the reminder and retention jobs), for a manual check.
    const at = url.searchParams.get('at');
    // An ISO time with its offset, so that no one's local time zone moves it further.
    if (at !== null && (!/T.*(Z|[+-]\d\d:\d\d)$/.test(at) || Number.isNaN(Date.parse(at))))
      return json(response, 400, { message: '"at" must be an ISO time with its offset: 2027-03-01T08:00:00Z' });
    let outcome: Awaited<ReturnType<LocalScheduler['run']>>;
    try {
      outcome = await scheduler.run(job, at === null ? undefined : clockFrom(new Date(at)));
    } catch (error) {
      if (error instanceof NoClockError) return json(response, 400, { message: error.message });
      throw error;
    }
    return outcome.ran
      ? json(response, 200, { job, result: outcome.result ?? null })
      : json(response, 409, { job, message: 'A run of this job is still in progress; try again shortly.' });
  };
}
