import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import type { Committee } from '../shared/municipality';
import { type LocalIdentity, LOCAL_AUDIENCE } from './identity';
import { signInPage, signInRefusedPage, signedOutPage } from './sign-in-page';

/**
 * The local identity provider's OpenID Connect side, for the console: authorization code with PKCE (S256 only),
 * as Cognito's managed login offers it. The sign-in page lets whoever runs the stack pick committees and admin;
 * there are no passwords, so it binds to the local stack only.
 */
export const LOCAL_CLIENT_ID = LOCAL_AUDIENCE;
const CODE_TTL_MS = 60_000;
const FORM_LIMIT_BYTES = 16 * 1024;

interface Grant {
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce?: string;
  readonly committees: string[];
  readonly admin: boolean;
  readonly email?: string;
  readonly expires: number;
}

const base64url = z.string().check(z.regex(/^[A-Za-z0-9_-]{43,128}$/));

/** What /authorize takes (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1). */
const authorizeSchema = z.object({
  response_type: z.literal('code'),
  client_id: z.literal(LOCAL_CLIENT_ID),
  redirect_uri: z.url(),
  scope: z.string().check(z.regex(/(^|\s)openid(\s|$)/)),
  code_challenge: base64url,
  code_challenge_method: z.literal('S256'),
  state: z.optional(z.string().check(z.maxLength(1024))),
  nonce: z.optional(z.string().check(z.maxLength(1024))),
  ui_locales: z.optional(z.string()),
});
export type AuthorizeRequest = z.infer<typeof authorizeSchema>;

const tokenSchema = z.object({
  grant_type: z.literal('authorization_code'),
  code: z.string(),
  redirect_uri: z.string(),
  client_id: z.literal(LOCAL_CLIENT_ID),
  code_verifier: base64url,
});

async function formOf(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > FORM_LIMIT_BYTES) return undefined;
  }
  return new URLSearchParams(body);
}

const html = (response: ServerResponse, statusCode: number, page: string): true => {
  response.writeHead(statusCode, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page);
  return true;
};

const json = (response: ServerResponse, statusCode: number, body: unknown): true => {
  response.writeHead(statusCode, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
  return true;
};

const redirect = (response: ServerResponse, location: string): true => {
  response.writeHead(302, { location, 'cache-control': 'no-store' });
  response.end();
  return true;
};

const challengeOf = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export interface LocalOidcOptions {
  readonly identity: LocalIdentity;
  /** The issuer URL (`http://localhost:<port>/local-idp`); redirects may only go back to its origin. */
  readonly issuer: string;
  readonly committees: readonly Committee[];
  /** How long a session lasts: the tokens' lifetime (the stage's `signIn.sessionMinutes`). */
  readonly sessionSeconds: number;
  readonly now?: () => number;
}

/** Routes under `/local-idp/`: discovery, the sign-in page, the token endpoint and sign-out. */
export function localOidc({ identity, issuer, committees, sessionSeconds, now = Date.now }: LocalOidcOptions) {
  const grants = new Map<string, Grant>();
  const path = new URL(issuer).pathname;
  // Only back to this stack: an open redirect would hand a code to any site.
  const ownOrigin = (uri: string) => {
    const origin = new URL(uri).origin;
    return origin === new URL(issuer).origin || origin === new URL(issuer.replace('localhost', '127.0.0.1')).origin;
  };
  const language = (locales?: string) => (locales?.split(/\s+/)[0]?.startsWith('en') ? 'en' : 'sv');

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['none'],
    ui_locales_supported: ['sv', 'en'],
  };

  async function authorize(request: IncomingMessage, response: ServerResponse, url: URL): Promise<true> {
    const form = request.method === 'POST' ? await formOf(request) : url.searchParams;
    const asked = authorizeSchema.safeParse(Object.fromEntries(form ?? []));
    const lang = language(form?.get('ui_locales') ?? undefined);
    if (!asked.success || !ownOrigin(asked.data.redirect_uri))
      return html(
        response,
        400,
        signInRefusedPage(lang, asked.success ? ['redirect_uri'] : asked.error.issues.map((i) => i.path.join('.'))),
      );
    const { redirect_uri: redirectUri, state } = asked.data;
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries({ ...params, ...(state ? { state } : {}) })) target.searchParams.set(k, v);
      return redirect(response, target.toString());
    };
    if (request.method !== 'POST' || !form) return html(response, 200, signInPage(lang, asked.data, committees));
    if (form.has('cancel')) return back({ error: 'access_denied' });
    const known = new Set(committees.map((c) => c.id));
    const chosen = form.getAll('committee').filter((c) => known.has(c));
    const admin = form.get('admin') === 'on';
    if (chosen.length === 0 && !admin)
      return html(response, 400, signInPage(lang, asked.data, committees, { noneChosen: true }));
    const code = randomBytes(32).toString('base64url');
    const email = form.get('email')?.trim();
    grants.set(code, {
      redirectUri,
      challenge: asked.data.code_challenge,
      ...(asked.data.nonce ? { nonce: asked.data.nonce } : {}),
      committees: chosen,
      admin,
      ...(email ? { email } : {}),
      expires: now() + CODE_TTL_MS,
    });
    return back({ code });
  }

  async function token(request: IncomingMessage, response: ServerResponse): Promise<true> {
    const form = await formOf(request);
    const asked = tokenSchema.safeParse(Object.fromEntries(form ?? []));
    if (!asked.success) {
      const unsupported = form?.has('grant_type') && form.get('grant_type') !== 'authorization_code';
      return json(response, 400, { error: unsupported ? 'unsupported_grant_type' : 'invalid_request' });
    }
    const grant = grants.get(asked.data.code);
    // A code is good once (RFC 6749 §4.1.2), so it is gone whether or not this exchange succeeds.
    grants.delete(asked.data.code);
    if (
      !grant ||
      grant.expires < now() ||
      grant.redirectUri !== asked.data.redirect_uri ||
      grant.challenge !== challengeOf(asked.data.code_verifier)
    )
      return json(response, 400, { error: 'invalid_grant' });
    const claims = { committees: grant.committees, admin: grant.admin, ttlSeconds: sessionSeconds };
    const withEmail = grant.email ? { ...claims, email: grant.email } : claims;
    return json(response, 200, {
      token_type: 'Bearer',
      expires_in: sessionSeconds,
      scope: 'openid email',
      id_token: await identity.issue({ ...withEmail, ...(grant.nonce ? { nonce: grant.nonce } : {}) }),
      access_token: await identity.issue({ ...withEmail, tokenUse: 'access' }),
    });
  }

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(`${path}/`)) return false;
    const route = url.pathname.slice(path.length);
    if (route === '/.well-known/openid-configuration' && request.method === 'GET')
      return json(response, 200, discovery);
    if (route === '/authorize' && (request.method === 'GET' || request.method === 'POST'))
      return authorize(request, response, url);
    if (route === '/token' && request.method === 'POST') return token(request, response);
    // As Cognito's /logout: back to `logout_uri` only with the client's id (it ignores post_logout_redirect_uri).
    if (route === '/logout' && request.method === 'GET') {
      const after = url.searchParams.get('logout_uri');
      const client = url.searchParams.get('client_id');
      if (client === LOCAL_CLIENT_ID && after && URL.canParse(after) && ownOrigin(after))
        return redirect(response, after);
      return html(response, 200, signedOutPage(language(url.searchParams.get('ui_locales') ?? undefined)));
    }
    return false;
  };
}
