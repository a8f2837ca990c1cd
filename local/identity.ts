import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JWK, type JWTPayload, SignJWT, errors, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { groupsFor } from '../shared/access';
import { localDir } from './paths';
import { writePrivateFile } from './private-files';

/**
 * A stand-in for the Cognito user pool: it signs ID tokens with a key kept in .local/, and verifies them as
 * strictly as API Gateway's JWT authorizer verifies Cognito's: the key id, RS256 signature, issuer, audience, an
 * `exp` that must be there and in the future, and `nbf` and `iat`, where present, not in the future.
 */
export const LOCAL_AUDIENCE = 'medborgardialog-local';
export const localIssuer = (port: number): string => `http://localhost:${port}/local-idp`;

const ALGORITHM = 'RS256';
const KEY_ID = 'local-1';
const defaultKeyFile = join(localDir, 'idp-key.json');

async function loadOrCreatePrivateJwk(keyFile: string): Promise<JWK> {
  try {
    return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: ALGORITHM };
    writePrivateFile(keyFile, JSON.stringify(jwk));
    return jwk;
  }
}

export type Verification = { readonly claims: JWTPayload } | { readonly refused: string };

export interface LocalIdentity {
  issue(options: {
    committees: readonly string[];
    admin: boolean;
    email?: string;
    ttlSeconds?: number;
    /** OpenID Connect: the nonce the client sent to /authorize, echoed in its ID token. */
    nonce?: string;
    tokenUse?: 'id' | 'access';
  }): Promise<string>;
  /** The verified claims, or why the token was refused (for the log; never the token itself). */
  verify(authorizationHeader: string | undefined): Promise<Verification>;
  publicJwks(): { keys: JWK[] };
}

export async function localIdentity(port: number, keyFile = defaultKeyFile): Promise<LocalIdentity> {
  const privateJwk = await loadOrCreatePrivateJwk(keyFile);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const publicKey = await importJWK(publicJwk, ALGORITHM);
  const issuer = localIssuer(port);
  return {
    async issue({ committees, admin, email, ttlSeconds = 3600, nonce, tokenUse = 'id' }) {
      const sub = `local-${committees.join('-') || 'none'}${admin ? '-admin' : ''}`;
      return new SignJWT({
        // As Cognito's: an ID token names the person; an access token carries only what authorizes (no email).
        ...(tokenUse === 'id' ? { email: email ?? `${sub}@tjansteperson.local` } : {}),
        'cognito:groups': groupsFor(committees, admin),
        token_use: tokenUse,
        ...(nonce ? { nonce } : {}),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
    async verify(authorizationHeader) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '')?.[1];
      if (!token) return { refused: authorizationHeader ? 'not a bearer token' : 'no token' };
      try {
        const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
          issuer,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALGORITHM],
          requiredClaims: ['exp'],
        });
        if (protectedHeader.kid !== KEY_ID) return { refused: 'unknown key id' };
        if (payload.iat !== undefined && payload.iat > Date.now() / 1000) return { refused: 'iat in the future' };
        return { claims: payload };
      } catch (error) {
        // jose's code and message name the failed check (such as an "iss" mismatch), never the token's content.
        return { refused: error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : 'malformed token' };
      }
    },
    publicJwks: () => ({ keys: [publicJwk] }),
  };
}

/** Claims as API Gateway's JWT authorizer hands them to Lambda: every value a string, arrays as `[a b]`. */
export function claimsAsApiGatewayPassesThem(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
}
