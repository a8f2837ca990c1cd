import { DIALOGUE_IN_TOKEN, type SigningKeys, sign, signedBy } from '../mail/signed';

/**
 * The rating link's token. It names a rater, not an address: the rater is a keyed hash of the contact, so one email
 * rates once, yet nothing stored with a rating (nor the token itself) leads back to the address without the secret.
 * Its own prefixes keep it apart from the unsubscribe token signed with the same secret. The rater travels in the
 * token, so a link sent before a rotation names the same rater after it.
 */
const raterOf = (keys: SigningKeys, dialogueId: string, emailHash: string): string =>
  sign(keys, `rater.${dialogueId}.${emailHash}`);

export function ratingToken(keys: SigningKeys, dialogueId: string, emailHash: string): string {
  const payload = `${dialogueId}.${raterOf(keys, dialogueId, emailHash)}`;
  return `${payload}.${sign(keys, `rating.${payload}`)}`;
}

const shape = new RegExp(`^(${DIALOGUE_IN_TOKEN})\\.([A-Za-z0-9_-]{43})\\.([A-Za-z0-9_-]{43})$`);

/** The dialogue and rater a token names, or undefined for a malformed or forged one. */
export function verifyRatingToken(keys: SigningKeys, token: string): { dialogueId: string; rater: string } | undefined {
  const match = shape.exec(token);
  if (!match) return undefined;
  const [, dialogueId, rater, signature] = match as unknown as [string, string, string, string];
  return signedBy(keys, `rating.${dialogueId}.${rater}`, signature) ? { dialogueId, rater } : undefined;
}
