import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { groupsFor } from '../shared/access';
import { localDir } from './paths';
import { writePrivateFile } from './private-files';

/**
 * A stand-in for the Cognito user pool: it signs ID tokens with a key kept in .local/, and verifies them
 * the way API Gateway's JWT authorizer verifies Cognito's (signature, issuer, audience, expiry).
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

export interface LocalIdentity {
  issue(options: {
    committees: readonly string[];
    admin: boolean;
    email?: string;
    ttlSeconds?: number;
  }): Promise<string>;
  /** The verified claims, or undefined for a missing, forged, expired or foreign token. */
  verify(authorizationHeader: string | undefined): Promise<JWTPayload | undefined>;
  publicJwks(): { keys: JWK[] };
}

export async function localIdentity(port: number, keyFile = defaultKeyFile): Promise<LocalIdentity> {
  const privateJwk = await loadOrCreatePrivateJwk(keyFile);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const publicKey = await importJWK(publicJwk, ALGORITHM);
  const issuer = localIssuer(port);
  return {
    async issue({ committees, admin, email, ttlSeconds = 3600 }) {
      const sub = `local-${committees.join('-') || 'none'}${admin ? '-admin' : ''}`;
      return new SignJWT({
        email: email ?? `${sub}@tjansteperson.local`,
        'cognito:groups': groupsFor(committees, admin),
        token_use: 'id',
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
      const token = authorizationHeader?.replace(/^Bearer\s+/i, '').trim();
      if (!token) return undefined;
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALGORITHM],
        });
        return payload;
      } catch {
        return undefined;
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
