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
  /**
   * Records the first counted response (questions lock from then on) and bumps the version, if the dialogue is
   * still open at `expectedVersion`; false otherwise. An edit racing it fails on the version instead.
   */
  markResponded(id: string, expectedVersion: number, at: Date): Promise<boolean>;
}

export interface ContactForFeedback {
  readonly email: string;
  readonly emailHash: string;
  readonly language: 'sv' | 'en';
}

export interface Submission {
  readonly dialogueId: string;
  /** The dialogue version the answers were checked against. */
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

export interface ResponseStore {
  /**
   * Stores the response once per submissionId and the contact (if any) apart from it. A retry stores no second
   * response and answers with the first one's id and time; its contact is written again, which is idempotent.
   */
  save(submission: Submission): Promise<{ readonly responseId: string; readonly receivedAt: string }>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
  /** 0 <= shard < shards, uniformly. */
  shard(shards: number): number;
}
