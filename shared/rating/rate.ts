import type { Municipality } from '../municipality';
import type { DialogueStore } from '../ports';
import type { Dialogue } from '../dialogue/schema';
import { validateResponse } from '../responses/validate';
import { COMMENT, HEARD, ratingSurvey } from './survey';
import { verifyRatingToken } from './token';
import type { SigningKeys } from '../mail/signed';

/** One participant's rating of a dialogue: the score and a comment, and nothing that says who or when. */
export interface Rating {
  readonly score: number;
  readonly comment?: string;
}

export interface RatingStore {
  /** Stores the rating and marks its rater as done in one write; false, storing nothing, if the rater had rated. */
  record(dialogueId: string, rater: string, rating: Rating): Promise<boolean>;
  hasRated(dialogueId: string, rater: string): Promise<boolean>;
  /** Every rating of the dialogue, in no particular order. */
  ratings(dialogueId: string): Promise<Rating[]>;
}

export interface RatingDeps {
  readonly dialogues: Pick<DialogueStore, 'get'>;
  readonly ratings: RatingStore;
  readonly municipality: Pick<Municipality, 'localities'>;
  readonly keys: () => Promise<SigningKeys>;
}

/** What a rating link leads to: nothing (forged, or no feedback sent for it), a done rating, or the question. */
export interface GoodRatingLink {
  readonly state: 'already' | 'open';
  readonly dialogue: Dialogue;
  readonly rater: string;
}
export type RatingLink = { readonly state: 'bad' } | GoodRatingLink;

/** Links go out with the feedback, so only a decided dialogue has any. */
export async function ratingLink(deps: RatingDeps, token: string | undefined): Promise<RatingLink> {
  const named = token ? verifyRatingToken(await deps.keys(), token) : undefined;
  const dialogue = named && (await deps.dialogues.get(named.dialogueId));
  if (!named || !dialogue?.decisionRecord) return { state: 'bad' };
  const already = await deps.ratings.hasRated(dialogue.id, named.rater);
  return { state: already ? 'already' : 'open', dialogue, rater: named.rater };
}

/**
 * Records the rating a link's page posted: checked as the citizen's form checks its answers (a ValidationError
 * lists every problem), then stored once per link; a second post is refused ('already') and stores nothing.
 */
export async function rate(
  deps: RatingDeps,
  link: GoodRatingLink,
  answers: Readonly<Record<string, unknown>>,
): Promise<'recorded' | 'already'> {
  const valid = validateResponse(ratingSurvey, { answers }, deps.municipality).answers;
  // Required, so validateResponse has refused a post without it.
  const score = valid[HEARD] as number;
  const comment = valid[COMMENT];
  const rating = { score, ...(typeof comment === 'string' && comment.trim() ? { comment: comment.trim() } : {}) };
  return (await deps.ratings.record(link.dialogue.id, link.rater, rating)) ? 'recorded' : 'already';
}
