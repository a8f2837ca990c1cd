import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The keys that sign the links in feedback emails. `current` signs every new link; `previous`, the key before the
 * last rotation, only verifies, so links in emails already sent keep working across one rotation.
 */
export interface SigningKeys {
  readonly current: string;
  readonly previous?: string;
}

const hmac = (key: string, payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');

/** An HMAC-SHA-256 of `payload` under the current key, base64url (43 characters). */
export const sign = (keys: SigningKeys, payload: string): string => hmac(keys.current, payload);

/** Whether `signature` is `payload`'s under the current or the previous key, compared in constant time. */
export function signedBy(keys: SigningKeys, payload: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return [keys.current, keys.previous].some((key) => {
    if (key === undefined) return false;
    const expected = Buffer.from(hmac(key, payload));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** A dialogue id as it can stand first in a token. */
export const DIALOGUE_IN_TOKEN = '[a-z0-9][a-z0-9-]{0,39}';
