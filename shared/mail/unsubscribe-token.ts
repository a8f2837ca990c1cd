import { DIALOGUE_IN_TOKEN, type SigningKeys, sign, signedBy } from './signed';

/** A token naming one contact (dialogue + address hash), signed so nobody can unsubscribe anyone else. */
export function unsubscribeToken(keys: SigningKeys, dialogueId: string, emailHash: string): string {
  const payload = `${dialogueId}.${emailHash}`;
  return `${payload}.${sign(keys, payload)}`;
}

const shape = new RegExp(`^(${DIALOGUE_IN_TOKEN})\\.([0-9a-f]{64})\\.([A-Za-z0-9_-]{43})$`);

/** The contact a token names, or undefined for a malformed or forged token. */
export function verifyUnsubscribeToken(
  keys: SigningKeys,
  token: string,
): { dialogueId: string; emailHash: string } | undefined {
  const match = shape.exec(token);
  if (!match) return undefined;
  const [, dialogueId, emailHash, signature] = match as unknown as [string, string, string, string];
  return signedBy(keys, `${dialogueId}.${emailHash}`, signature) ? { dialogueId, emailHash } : undefined;
}
