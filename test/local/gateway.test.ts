import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type JWK, SignJWT, importJWK } from 'jose';
import { type GatewayOptions, type LambdaHttpHandler, createGateway } from '../../local/gateway';
import { LOCAL_AUDIENCE, type LocalIdentity, localIdentity, localIssuer } from '../../local/identity';
import { freePort } from '../../local/ports';
import { conformingFetch } from '../support/openapi-conformance';
import { testRoute } from '../support/routes';
import { routes as manifest } from '../../shared/routes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALLOWED_ORIGIN = 'http://localhost:3000';

type Event = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt: { claims: Record<string, string> } } } };

const route = testRoute;

/** A gateway on a real HTTP server on a free port; `stop` closes it. */
async function serve(
  options: Omit<GatewayOptions, 'allowedOrigins'>,
  port: number,
): Promise<{ base: string; stop(): Promise<void> }> {
  const server: Server = createServer(createGateway({ allowedOrigins: [ALLOWED_ORIGIN], ...options }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('local gateway with in-test handlers', () => {
  const inTestRoutes = [
    route('EchoPost', 'POST', '/echo/{name}'),
    route('EchoGet', 'GET', '/echo/{name}'),
    route('Secure', 'GET', '/secure', { access: 'official' }),
    route('Small', 'POST', '/small', { bodyLimitBytes: 16 }),
    route('Boom', 'GET', '/boom'),
    route('Bare', 'GET', '/bare'),
    route('Cookies', 'GET', '/cookies'),
    route('Bytes', 'GET', '/bytes'),
  ];
  const received = new Map<string, Event[]>();
  const calls = (name: string): Event[] => received.get(name) ?? [];
  const record = (name: string, event: APIGatewayProxyEventV2) => received.set(name, [...calls(name), event as Event]);
  const handlers: Record<string, LambdaHttpHandler> = {
    EchoPost: async (event) => (
      record('EchoPost', event),
      { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"echo":true}' }
    ),
    EchoGet: async (event) => (
      record('EchoGet', event),
      { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"echo":true}' }
    ),
    Secure: async (event) => (record('Secure', event), { statusCode: 200, body: 'secret' }),
    Small: async (event) => (record('Small', event), { statusCode: 200, body: 'small' }),
    Bare: async () => ({ hello: 'världen' }),
    Cookies: async () => ({
      statusCode: 204,
      cookies: ['session=abc; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'lang=sv; Path=/'],
    }),
    Bytes: async () => ({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]).toString('base64'),
      isBase64Encoded: true,
    }),
    Boom: async (event) => {
      record('Boom', event);
      throw new Error('kaboom');
    },
  };

  const logLines: Array<Record<string, unknown>> = [];
  let keyDir: string;
  let keyFile: string;
  let port: number;
  let identity: LocalIdentity;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
    keyFile = join(keyDir, 'idp-key.json');
    port = await freePort();
    identity = await localIdentity(port, keyFile);
    ({ base, stop } = await serve(
      {
        routes: inTestRoutes,
        loadHandler: async (r) => handlers[r.name] ?? Promise.reject(new Error(`no in-test handler ${r.name}`)),
        verifyToken: identity.verify,
        log: (line) => logLines.push(line),
      },
      port,
    ));
  });

  afterAll(async () => {
    await stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  beforeEach(() => received.clear());

  describe('the payload-v2 event the handler receives', () => {
    test('carries version, route key, raw path and query, headers, cookies and request context as API Gateway does', async () => {
      const response = await fetch(`${base}/echo/anna?a=1&b=x%20y&a=2`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Custom-Header': 'Yes',
          Cookie: 'theme=dark; lang=sv',
          'User-Agent': 'gateway-test',
        },
        body: '{"x":1}',
      });
      expect(response.status).toBe(200);
      const [event] = calls('EchoPost');

      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'POST /echo/{name}',
        rawPath: '/echo/anna',
        rawQueryString: 'a=1&b=x%20y&a=2',
        queryStringParameters: { a: '1,2', b: 'x y' },
        pathParameters: { name: 'anna' },
        cookies: ['theme=dark', 'lang=sv'],
        requestContext: {
          routeKey: 'POST /echo/{name}',
          http: { method: 'POST', path: '/echo/anna', sourceIp: '127.0.0.1', userAgent: 'gateway-test' },
          requestId: expect.stringMatching(UUID),
          stage: '$default',
        },
        body: '{"x":1}',
        isBase64Encoded: false,
      });
      expect(event?.headers).toMatchObject({ 'x-custom-header': 'Yes', 'content-type': 'application/json' });
      expect(Object.keys(event?.headers ?? {}).filter((name) => name !== name.toLowerCase())).toEqual([]);
      expect(event?.headers).not.toHaveProperty('cookie');
      expect(event?.requestContext).not.toHaveProperty('authorizer');
    });

    test('a request without query, cookies or body leaves those fields out', async () => {
      await fetch(`${base}/echo/anna`);
      const [event] = calls('EchoGet');
      expect(event).toMatchObject({ rawQueryString: '', isBase64Encoded: false });
      for (const absent of ['queryStringParameters', 'cookies', 'body']) expect(event).not.toHaveProperty(absent);
    });

    test('path parameters arrive percent-decoded', async () => {
      await fetch(`${base}/echo/l%C3%A5ng%20sj%C3%B6`);
      expect(calls('EchoGet')[0]?.pathParameters).toEqual({ name: 'lång sjö' });
    });

    test('every request gets its own request id', async () => {
      await fetch(`${base}/echo/a`);
      await fetch(`${base}/echo/b`);
      const [first, second] = calls('EchoGet').map((e) => e.requestContext.requestId);
      expect(first).not.toBe(second);
    });

    test('a binary body arrives base64-encoded with isBase64Encoded true, byte for byte', async () => {
      const bytes = Uint8Array.from([0, 1, 2, 0x7f, 0x80, 0xfe, 0xff]);
      await fetch(`${base}/echo/file`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes,
      });
      const [event] = calls('EchoPost');
      expect(event?.isBase64Encoded).toBe(true);
      expect(Buffer.from(event?.body ?? '', 'base64')).toEqual(Buffer.from(bytes));
    });

    test('a JSON body with non-ASCII text arrives as text, not base64', async () => {
      await fetch(`${base}/echo/json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: '{"ort":"Växjö"}',
      });
      const [event] = calls('EchoPost');
      expect(event).toMatchObject({ isBase64Encoded: false, body: '{"ort":"Växjö"}' });
    });
  });

  describe('an officials’ route', () => {
    const get = (authorization?: string) =>
      fetch(`${base}/secure`, authorization ? { headers: { Authorization: authorization } } : {});
    const refusals = () => logLines.filter((l) => l.message === 'token refused');
    /** Signed with the stack's own key: only the claims (or header) given make it one to refuse. */
    const signWithOurKey = async (claims: {
      audience?: string;
      issuer?: string;
      kid?: string;
      expires?: string | false;
      issuedAt?: number;
    }) => {
      const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
      const jwt = new SignJWT({ 'cognito:groups': ['admin'] })
        .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'local-1' })
        .setSubject('intruder')
        .setIssuer(claims.issuer ?? localIssuer(port))
        .setAudience(claims.audience ?? LOCAL_AUDIENCE)
        .setIssuedAt(claims.issuedAt);
      if (claims.expires !== false) jwt.setExpirationTime(claims.expires ?? '1h');
      return jwt.sign(await importJWK(privateJwk, 'RS256'));
    };

    test('without a token answers 401 and never calls the handler', async () => {
      const response = await get();
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(calls('Secure')).toEqual([]);
    });

    test('a token signed by another key answers 401', async () => {
      const forger = await localIdentity(port, join(keyDir, 'forger-key.json'));
      const forged = await forger.issue({ committees: ['tekniska-namnden'], admin: true });
      expect((await get(`Bearer ${forged}`)).status).toBe(401);
      expect(calls('Secure')).toEqual([]);
    });

    test('an expired token answers 401', async () => {
      const expired = await identity.issue({ committees: ['tekniska-namnden'], admin: false, ttlSeconds: -10 });
      expect((await get(`Bearer ${expired}`)).status).toBe(401);
      expect(calls('Secure')).toEqual([]);
    });

    test('a token for another audience answers 401, even signed with the right key', async () => {
      const foreign = await signWithOurKey({ audience: 'some-other-app', issuer: localIssuer(port) });
      expect((await get(`Bearer ${foreign}`)).status).toBe(401);
      expect(calls('Secure')).toEqual([]);
    });

    test('a token from another issuer answers 401, even signed with the right key', async () => {
      const foreign = await signWithOurKey({ audience: LOCAL_AUDIENCE, issuer: localIssuer(port + 1) });
      expect((await get(`Bearer ${foreign}`)).status).toBe(401);
      expect(calls('Secure')).toEqual([]);
    });

    test.each([
      ['without exp', { expires: false as const }, 'missing required "exp" claim'],
      ['issued in the future', { issuedAt: Math.floor(Date.now() / 1000) + 600 }, 'iat in the future'],
      ['naming another key id', { kid: 'other-key' }, 'unknown key id'],
    ])(
      'a token %s answers 401, as API Gateway’s JWT authorizer refuses it, and the log says why',
      async (_, claims, reason) => {
        const token = await signWithOurKey(claims);
        logLines.length = 0;
        expect((await get(`Bearer ${token}`)).status).toBe(401);
        expect(calls('Secure')).toEqual([]);
        expect(refusals()).toEqual([
          expect.objectContaining({ level: 'WARN', route: 'Secure', reason: expect.stringContaining(reason) }),
        ]);
      },
    );

    test('every refusal is logged with its reason, and never with the token', async () => {
      const expired = await identity.issue({ committees: ['x'], admin: false, ttlSeconds: -10 });
      const foreign = await signWithOurKey({ issuer: localIssuer(port + 1) });
      logLines.length = 0;
      for (const authorization of [undefined, 'Basic abc', `Bearer ${expired}`, `Bearer ${foreign}`])
        expect((await get(authorization)).status).toBe(401);
      expect(refusals().map((l) => l.reason)).toEqual([
        'no token',
        'not a bearer token',
        expect.stringMatching(/ERR_JWT_EXPIRED: "exp" claim timestamp check failed/),
        expect.stringMatching(/ERR_JWT_CLAIM_VALIDATION_FAILED: unexpected "iss" claim value/),
      ]);
      const logged = JSON.stringify(logLines);
      for (const token of [expired, foreign]) for (const part of token.split('.')) expect(logged).not.toContain(part);
    });

    test('garbage after "Bearer" answers 401', async () => {
      expect((await get('Bearer not.a.jwt')).status).toBe(401);
      expect(calls('Secure')).toEqual([]);
    });

    test('a valid token reaches the handler with the claims as API Gateway passes them: strings, groups as "[a b]"', async () => {
      const token = await identity.issue({ committees: ['x'], admin: true });
      const response = await get(`Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('secret');

      const claims = calls('Secure')[0]?.requestContext.authorizer?.jwt.claims;
      expect(claims).toMatchObject({
        sub: 'local-x-admin',
        'cognito:groups': '[committee:x admin]',
        aud: LOCAL_AUDIENCE,
        iss: localIssuer(port),
      });
      expect(Object.values(claims ?? {}).every((value) => typeof value === 'string')).toBe(true);
    });

    test('the scheme is case-insensitive, as in RFC 6750', async () => {
      const token = await identity.issue({ committees: ['x'], admin: false });
      expect((await get(`bearer ${token}`)).status).toBe(200);
    });
  });

  describe('routing answers', () => {
    test('an unknown path answers 404', async () => {
      const response = await fetch(`${base}/nowhere`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    });

    test('a known path with the wrong method answers 405 with the allowed methods', async () => {
      const response = await fetch(`${base}/boom`, { method: 'DELETE' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(calls('Boom')).toEqual([]);
    });

    test('the allow header lists every method of the path', async () => {
      const response = await fetch(`${base}/echo/x`, { method: 'PUT', body: '' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'POST']);
    });

    test('a body over the route’s limit answers 413 and the handler is never called', async () => {
      const response = await fetch(`${base}/small`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'x'.repeat(1000),
      });
      expect(response.status).toBe(413);
      expect(calls('Small')).toEqual([]);
    });

    test('a body exactly at the limit is accepted, one byte more is not', async () => {
      const at = await fetch(`${base}/small`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'x'.repeat(16),
      });
      expect(at.status).toBe(200);
      const over = await fetch(`${base}/small`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'x'.repeat(17),
      });
      expect(over.status).toBe(413);
      expect(calls('Small')).toHaveLength(1);
    });

    test('a handler that throws answers 500 with a correlation id, logs it, and the server answers the next request', async () => {
      const response = await fetch(`${base}/boom`);
      expect(response.status).toBe(500);
      const body = (await response.json()) as { message: string; correlationId: string };
      expect(body).toEqual({ message: 'Internal Server Error', correlationId: expect.stringMatching(UUID) });
      expect(JSON.stringify(body)).not.toContain('kaboom');
      expect(logLines).toContainEqual(expect.objectContaining({ level: 'ERROR', requestId: body.correlationId }));

      expect((await fetch(`${base}/echo/after`)).status).toBe(200);
    });

    test('a malformed percent-encoding in the path answers 400, not a crash, and the server keeps serving', async () => {
      const response = await fetch(`${base}/echo/%E0%A4%A`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'Bad Request' });
      expect(calls('EchoGet')).toEqual([]);
      expect((await fetch(`${base}/echo/after`)).status).toBe(200);
    });
  });

  describe('what the handler returns', () => {
    test('a bare value is answered 200 as JSON, as payload v2 does', async () => {
      const response = await fetch(`${base}/bare`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ hello: 'världen' });
    });

    test('a base64 body with isBase64Encoded is sent as the decoded bytes', async () => {
      const response = await fetch(`${base}/bytes`);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]));
    });

    // Source bug: local/gateway.ts joins the handler's cookies into ONE set-cookie header with ", ". A cookie's
    // Expires date contains a comma, so the browser cannot split them again; API Gateway sends one header each
    // (and RFC 6265 §3 says not to fold set-cookie).
    test('each returned cookie becomes its own set-cookie header', async () => {
      const response = await fetch(`${base}/cookies`);
      expect(response.headers.getSetCookie()).toEqual([
        'session=abc; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly',
        'lang=sv; Path=/',
      ]);
    });
  });

  describe('CORS', () => {
    test('an allowed origin gets access-control-allow-origin, varying on Origin', async () => {
      const response = await fetch(`${base}/echo/x`, { headers: { Origin: ALLOWED_ORIGIN } });
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('vary')).toBe('Origin');
    });

    test('an allowed origin gets the header on error answers too, so the page can read them', async () => {
      const response = await fetch(`${base}/nowhere`, { headers: { Origin: ALLOWED_ORIGIN } });
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    });

    test('another origin gets no CORS header', async () => {
      const response = await fetch(`${base}/echo/x`, { headers: { Origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    test('a preflight from an allowed origin answers 204 with the methods and headers, without calling a handler', async () => {
      const response = await fetch(`${base}/echo/x`, {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(
        expect.arrayContaining(['GET', 'POST', 'PUT']),
      );
      expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
        expect.arrayContaining(['content-type', 'authorization', 'x-correlation-id']),
      );
      expect(calls('EchoGet')).toEqual([]);
      expect(calls('EchoPost')).toEqual([]);
    });

    test('a preflight from another origin is answered without any permission', async () => {
      const response = await fetch(`${base}/echo/x`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    });
  });
});

describe('local gateway with the real handlers', () => {
  const realHandlers: Record<string, () => Promise<{ handler: LambdaHttpHandler }>> = {
    [manifest.health.name]: () => import('../../functions/health/handler'),
    [manifest.whoAmI.name]: () => import('../../functions/admin/me/handler'),
  };
  let keyDir: string;
  let keyFile: string;
  let port: number;
  let identity: LocalIdentity;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'gateway-real-'));
    keyFile = join(keyDir, 'idp-key.json');
    port = await freePort();
    identity = await localIdentity(port, keyFile);
    ({ base, stop } = await serve(
      {
        routes: [manifest.health, manifest.whoAmI],
        loadHandler: async (r) => {
          const load = realHandlers[r.name];
          if (!load) throw new Error(`no real handler wired for ${r.name}`);
          return (await load()).handler;
        },
        verifyToken: identity.verify,
      },
      port,
    ));
  });

  afterAll(async () => {
    await stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  test('GET /health answers 200 {"status":"ok"} as JSON', async () => {
    const response = await conformingFetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe('{"status":"ok"}');
  });

  test('GET /admin/me with a dev token answers with the caller’s committees, read from the "[a b]" groups claim', async () => {
    const token = await identity.issue({ committees: ['tekniska-namnden', 'socialnamnden'], admin: false });
    const response = await conformingFetch(`${base}/admin/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: 'local-tekniska-namnden-socialnamnden',
      email: 'local-tekniska-namnden-socialnamnden@tjansteperson.local',
      isAdmin: false,
      committees: [
        { id: 'socialnamnden', name: 'Socialnämnden' },
        { id: 'tekniska-namnden', name: 'Tekniska nämnden' },
      ],
    });
  });

  test('GET /admin/me with an admin token says so', async () => {
    const token = await identity.issue({ committees: [], admin: true });
    const response = await conformingFetch(`${base}/admin/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await response.json()).toMatchObject({ sub: 'local-none-admin', isAdmin: true, committees: [] });
  });

  test('a signed token whose one group is "viewers,admin" is no admin: the groups claim splits on whitespace only', async () => {
    const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    const token = await new SignJWT({ 'cognito:groups': ['viewers,admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setSubject('viewer')
      .setIssuer(localIssuer(port))
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(privateJwk, 'RS256'));
    const response = await fetch(`${base}/admin/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await response.json()).toMatchObject({ sub: 'viewer', isAdmin: false, committees: [] });
  });

  test('GET /admin/me without a token is stopped by the gateway with 401', async () => {
    expect((await conformingFetch(`${base}/admin/me`)).status).toBe(401);
  });
});
