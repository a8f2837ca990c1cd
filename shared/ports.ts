import type { FreeTextModeration } from './dialogue/moderation';
import type { EntryMethod } from './responses/methods';
import type { AuditEntry } from './dialogue/audit';
import type { DialogueChange } from './dialogue/lifecycle';
import type { Dialogue } from './dialogue/schema';
import type { Language } from './messages/language';
import type { AnswerValue, Profile } from './responses/schema';

/** What the domain needs from storage; DynamoDB adapters implement it, tests may pass fakes. */
export interface DialogueStore {
  get(id: string): Promise<Dialogue | undefined>;
  /**
   * Writes a change made by the life-cycle module (shared/dialogue/lifecycle.ts) and its audit entry together,
   * only if the stored version is still the one it replaces (none, for a new dialogue); ConflictError otherwise.
   */
  write(change: DialogueChange): Promise<void>;
  /** The dialogue's audit log, oldest first. */
  audit(id: string): Promise<AuditEntry[]>;
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
  readonly language: Language;
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
  /** Entered by an official from another method (P10); absent for the web form. */
  readonly method?: EntryMethod;
}

/** What a submission's receipt says of the stored copy: all of it as the first call answered. */
export interface StoredSubmission {
  readonly responseId: string;
  readonly receivedAt: string;
  /**
   * Whether the first call left an address for the result. Kept with the response as this one bit, never which
   * address, so a retry answers as the first call did whatever it carries, and no stored contact is ever looked up.
   */
  readonly willReceiveFeedback: boolean;
}

export interface ResponseStore {
  /**
   * Stores the response once per submissionId, and its contact (if any) apart from it but in the same write.
   * A retry stores nothing and gets the first copy's id and time.
   */
  save(submission: Submission): Promise<StoredSubmission>;
  /** The stored copy of a submission, if there is one. */
  find(dialogueId: string, submissionId: string): Promise<StoredSubmission | undefined>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
  /** 0 <= shard < shards, uniformly. */
  shard(shards: number): number;
}

export interface ModerationReader {
  get(dialogueId: string, questionId: string, textId: string): Promise<FreeTextModeration | undefined>;
  list(dialogueId: string): Promise<FreeTextModeration[]>;
}

export interface FreeTextFinder {
  /** The answers of the response at this place in the arrival index, if one is there. */
  answers(dialogueId: string, shard: number, sortKey: string): Promise<Readonly<Record<string, unknown>> | undefined>;
}
