import { createHmac, timingSafeEqual } from 'node:crypto';

/** An HMAC-SHA-256 of `payload` under the stage's secret, base64url (43 characters). */
export const sign = (secret: string, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** Whether `signature` is `payload`'s, compared in constant time. */
export function signedBy(secret: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A dialogue id as it can stand first in a token. */
export const DIALOGUE_IN_TOKEN = '[a-z0-9][a-z0-9-]{0,39}';
