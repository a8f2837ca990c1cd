import type { Dialogue } from './dialogue/schema';
import type { AnswerValue, Profile } from './responses/schema';

/** What the domain needs from storage; DynamoDB adapters implement it, tests may pass fakes. */
export interface DialogueStore {
  get(id: string): Promise<Dialogue | undefined>;
  /** Fails with ConflictError when the id is taken. */
  create(dialogue: Dialogue): Promise<void>;
  /** Writes only if the stored version is still `expectedVersion`; ConflictError otherwise. */
  replace(dialogue: Dialogue, expectedVersion: number): Promise<void>;
  list(): Promise<Dialogue[]>;
  /** Whether any counted response exists (questions lock then). */
  hasResponses(dialogue: Pick<Dialogue, 'id' | 'responseShards'>): Promise<boolean>;
}

export interface ContactForFeedback {
  readonly email: string;
  readonly emailHash: string;
  readonly language: 'sv' | 'en';
}

export interface Submission {
  readonly dialogueId: string;
  /** The dialogue version the answers were checked against; the write fails if it changed meanwhile. */
  readonly dialogueVersion: number;
  readonly submissionId: string;
  readonly responseId: string;
  readonly shard: number;
  readonly receivedAt: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly profile: Profile;
  /** A honeypot hit: stored apart and never counted. */
  readonly quarantined: boolean;
  readonly contact?: ContactForFeedback;
}

export type SaveOutcome =
  | { readonly kind: 'stored'; readonly responseId: string; readonly receivedAt: string }
  | { readonly kind: 'duplicate'; readonly responseId: string; readonly receivedAt: string; readonly willReceiveFeedback: boolean }
  /** Nothing was stored (the dialogue changed, or a concurrent write collided); check again and retry. */
  | { readonly kind: 'retry' };

export interface ResponseStore {
  /** Stores once per submissionId: a retry answers `duplicate` with the first call's receipt. */
  save(submission: Submission): Promise<SaveOutcome>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
  /** 0 <= shard < shards, uniformly. */
  shard(shards: number): number;
}
