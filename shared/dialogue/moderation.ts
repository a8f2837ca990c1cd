/**
 * Moderation of free-text answers: an official of the lead committee marks each one publishable or hidden (for
 * example when it holds personal data). Hidden is the default, so nothing is public until someone chose so.
 */
export const moderationStates = ['hidden', 'publishable'] as const;
export type ModerationState = (typeof moderationStates)[number];

/** One moderated free text. Its text is kept only while it is publishable, for the public record to read. */
export interface FreeTextModeration {
  readonly dialogueId: string;
  readonly questionId: string;
  readonly textId: string;
  readonly state: ModerationState;
  readonly text?: string;
  readonly at: string;
  readonly by: string;
}

/**
 * A free text's id names where its response sits in the arrival index (shard and sort key), so an official's
 * choice can be checked against the stored text; it says nothing the officials' view does not already show.
 */
export const freeTextId = (shard: number, sortKey: string): string => `${shard}~${sortKey}`;

const ID_FORMAT = /^(\d{1,3})~(\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36})$/;

export function parseFreeTextId(id: string): { shard: number; sortKey: string } | undefined {
  const match = ID_FORMAT.exec(id);
  return match?.[1] && match[2] ? { shard: Number(match[1]), sortKey: match[2] } : undefined;
}
