import { createHmac, timingSafeEqual } from 'node:crypto';

/** A token naming one contact (dialogue + address hash), signed so nobody can unsubscribe anyone else. */
const sign = (secret: string, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function unsubscribeToken(secret: string, dialogueId: string, emailHash: string): string {
  const payload = `${dialogueId}.${emailHash}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The contact a token names, or undefined for a malformed or forged token. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { dialogueId: string; emailHash: string } | undefined {
  const match = /^([a-z0-9][a-z0-9-]{0,39})\.([0-9a-f]{64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, dialogueId, emailHash, signature] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${dialogueId}.${emailHash}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { dialogueId, emailHash } : undefined;
}
