/**
 * The local identity provider's OpenID Connect side (authorization code + PKCE S256), over real HTTP: what the
 * console's OIDC client library does, step by step, and what it must be refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalIdentity, localIdentity, localIssuer } from '../../local/identity';
import { LOCAL_CLIENT_ID, localOidc } from '../../local/oidc';
import { freePort } from '../../local/ports';
import { ljungby } from '../../shared/municipality';

let server: Server;
let keyDir: string;
let identity: LocalIdentity;
let issuer: string;
let clock = Date.now();

beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), 'oidc-test-'));
  const port = await freePort();
  identity = await localIdentity(port, join(keyDir, 'idp-key.json'));
  issuer = localIssuer(port);
  const routes = localOidc({
    identity,
    issuer,
    committees: ljungby.committees,
    sessionSeconds: 1800,
    now: () => clock,
  });
  server = createServer((request, response) => {
    void routes(request, response, new URL(request.url ?? '/', issuer)).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  server.listen(port, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  expect((server.address() as AddressInfo).port).toBe(port);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(keyDir, { recursive: true, force: true });
});

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');
const consoleUrl = () => `${new URL(issuer).origin}/console/callback`;
const authorizeParams = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: LOCAL_CLIENT_ID,
    redirect_uri: consoleUrl(),
    scope: 'openid email',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st-1',
    nonce: 'n-1',
    ...overrides,
  });
const post = (path: string, form: URLSearchParams) =>
  fetch(`${issuer}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
/** Signs in on the page as the form would post it; the redirect back to the console. */
const signIn = async (choices: string[][], overrides: Record<string, string> = {}) =>
  post('/authorize', new URLSearchParams([...authorizeParams(overrides), ...choices]));
const codeOf = (answer: Response) => new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
const exchange = (code: string, overrides: Record<string, string> = {}) =>
  post(
    '/token',
    new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: consoleUrl(),
      client_id: LOCAL_CLIENT_ID,
      code_verifier: verifier,
      ...overrides,
    }),
  );

test('discovery names the endpoints and offers S256 alone', async () => {
  const answer = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(await answer.json()).toMatchObject({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
  });
});

test('/authorize shows the sign-in page, in English with ui_locales=en, with the request kept in the form', async () => {
  const sv = await (await fetch(`${issuer}/authorize?${authorizeParams()}`)).text();
  expect(sv).toContain('<html lang="sv">');
  for (const c of ljungby.committees) expect(sv).toContain(`value="${c.id}"`);
  expect(sv).toContain(`name="code_challenge" value="${challenge}"`);
  const en = await (await fetch(`${issuer}/authorize?${authorizeParams({ ui_locales: 'en-GB sv' })}`)).text();
  expect(en).toContain('<h1>Sign in to the local stack</h1>');
});

test('signing in redirects back with a code and the state; the code and verifier give tokens the API accepts', async () => {
  const answer = await signIn([
    ['committee', 'tekniska-namnden'],
    ['email', 'anna@ljungby.se'],
  ]);
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(consoleUrl());
  expect(location.searchParams.get('state')).toBe('st-1');
  const tokens = await exchange(codeOf(answer));
  expect(tokens.status).toBe(200);
  expect(tokens.headers.get('cache-control')).toBe('no-store');
  const body = (await tokens.json()) as {
    id_token: string;
    access_token: string;
    token_type: string;
    expires_in: number;
  };
  expect(body.token_type).toBe('Bearer');
  // The session lasts the stage's signIn.sessionMinutes (here 30), as Cognito's token validity does.
  expect(body.expires_in).toBe(1800);
  for (const token of [body.id_token, body.access_token]) {
    const verified = await identity.verify(`Bearer ${token}`);
    expect(verified).toMatchObject({ claims: { 'cognito:groups': ['committee:tekniska-namnden'] } });
  }
  // As Cognito's tokens: the ID token names the person, the access token does not.
  expect(await identity.verify(`Bearer ${body.id_token}`)).toMatchObject({ claims: { email: 'anna@ljungby.se' } });
  expect(await identity.verify(`Bearer ${body.access_token}`)).toMatchObject({ claims: { token_use: 'access' } });
  expect(
    ((await identity.verify(`Bearer ${body.access_token}`)) as { claims: Record<string, unknown> }).claims.email,
  ).toBeUndefined();
  const idClaims = await identity.verify(`Bearer ${body.id_token}`);
  expect(idClaims).toMatchObject({ claims: { nonce: 'n-1', token_use: 'id' } });
  const { exp, iat } = (idClaims as { claims: { exp: number; iat: number } }).claims;
  expect(exp - iat).toBe(1800);
});

test('a code is good once, only with its own verifier and redirect, and for a minute', async () => {
  const code = codeOf(await signIn([['admin', 'on']]));
  expect(await (await exchange(code, { code_verifier: randomBytes(32).toString('base64url') })).json()).toEqual({
    error: 'invalid_grant',
  });
  // Refused once, gone: the right verifier no longer helps.
  expect((await exchange(code)).status).toBe(400);
  const another = codeOf(await signIn([['admin', 'on']]));
  expect((await exchange(another, { redirect_uri: `${consoleUrl()}/other` })).status).toBe(400);
  const late = codeOf(await signIn([['admin', 'on']]));
  clock += 61_000;
  expect(await (await exchange(late)).json()).toEqual({ error: 'invalid_grant' });
  clock = Date.now();
  const used = codeOf(await signIn([['admin', 'on']]));
  expect((await exchange(used)).status).toBe(200);
  expect((await exchange(used)).status).toBe(400);
});

test('no PKCE, plain PKCE or a redirect to another origin is refused on a page, never redirected', async () => {
  const refused: Array<Record<string, string>> = [
    { code_challenge_method: 'plain' },
    { code_challenge: 'short' },
    { redirect_uri: 'https://evil.example/callback' },
    { client_id: 'someone-else' },
    { response_type: 'token' },
  ];
  for (const overrides of refused) {
    const answer = await fetch(`${issuer}/authorize?${authorizeParams(overrides)}`, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  }
  const stripped = authorizeParams();
  stripped.delete('code_challenge');
  expect((await fetch(`${issuer}/authorize?${stripped}`)).status).toBe(400);
});

test('choosing nothing asks again; cancelling returns access_denied with the state', async () => {
  const none = await signIn([]);
  expect(none.status).toBe(400);
  expect(await none.text()).toContain('role="alert"');
  const cancelled = await signIn([['cancel', '1']]);
  const location = new URL(cancelled.headers.get('location') ?? '');
  expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'st-1' });
});

test('the token endpoint names what is wrong as OAuth does', async () => {
  expect(await (await post('/token', new URLSearchParams({ grant_type: 'password' }))).json()).toEqual({
    error: 'unsupported_grant_type',
  });
  expect(await (await post('/token', new URLSearchParams({ code: 'x' }))).json()).toEqual({ error: 'invalid_request' });
});

test('sign-out returns to the console as Cognito’s /logout does (client_id and logout_uri), never to another origin', async () => {
  const logout = (params: Record<string, string>) =>
    fetch(`${issuer}/logout?${new URLSearchParams(params)}`, { redirect: 'manual' });
  const back = await logout({ client_id: LOCAL_CLIENT_ID, logout_uri: consoleUrl() });
  expect(back.status).toBe(302);
  expect(back.headers.get('location')).toBe(consoleUrl());
  // What Cognito does not honour is not honoured here either: the console must send what Cognito needs.
  for (const params of [
    { post_logout_redirect_uri: consoleUrl() } as Record<string, string>,
    { logout_uri: consoleUrl() },
    { client_id: 'another-client', logout_uri: consoleUrl() },
    { client_id: LOCAL_CLIENT_ID, logout_uri: 'https://evil.example/' },
  ]) {
    const stays = await logout(params);
    expect(stays.status).toBe(200);
    expect(await stays.text()).toContain('Du är utloggad');
  }
});
