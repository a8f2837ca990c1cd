import type { DialogueChange } from '../dialogue/lifecycle';
import type { Language } from '../messages/language';
import type { Mailout } from './mailout';

export interface PendingContact {
  readonly emailHash: string;
  readonly email: string;
  readonly language: Language;
  /** The address is on the suppression list (bounced, complained) as of when the contact was read. */
  readonly suppressed: boolean;
}

/** Storage of the decision and of the mailout queue (contacts are the queue items). */
export interface MailoutStore {
  countContacts(dialogueId: string): Promise<number>;
  /** Writes the decision (a change with its audit entry) and the new mailout together; ConflictError otherwise. */
  startWithDecision(decided: DialogueChange, mailout: Mailout): Promise<void>;
  /** Rewrites the decision, only while no recipient has been claimed; ConflictError otherwise. */
  correctDecision(corrected: DialogueChange): Promise<void>;
  get(dialogueId: string): Promise<Mailout | undefined>;
  /**
   * Makes this run the one sender of feedback email until `until`, account-wide (SES's rate is the account's, so two
   * runs must never send at once), and records that this dialogue's sending has begun: from then on its decision can
   * no longer be corrected. False if another run holds it.
   */
  acquireRun(dialogueId: string, owner: string, now: Date, until: Date): Promise<boolean>;
  releaseRun(dialogueId: string, owner: string): Promise<void>;
  /**
   * Gives a claimed contact back untouched (the run ran out of time before sending) and notes it on the mailout, so
   * the next run sends it first instead of only after reading the whole queue again.
   */
  release(dialogueId: string, emailHash: string, owner: string): Promise<void>;
  /** Takes (and forgets) the contacts given back since the last call, those of them still waiting to be sent. */
  takeGivenBack(dialogueId: string): Promise<PendingContact[]>;
  /**
   * Contacts not yet sent or failed whose lease (if any) has run out, as they are read (page by page), so a run can
   * start sending before it has read a large mailout's whole queue; stopping early reads no more. They are checked
   * against the suppression list a hundred at a time, in one read, seconds before their sends.
   */
  pending(dialogueId: string, now: Date, after?: string): AsyncIterable<PendingContact>;
  /** Records where this run stopped in the queue (`Mailout.resumeAfter`), or clears it. */
  resumeAt(dialogueId: string, after: string | undefined): Promise<void>;
  /** Takes a contact for this run until `leaseUntil`; false if it is gone, done or held by another run. */
  claim(dialogueId: string, emailHash: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Marks a claimed contact sent; false when it was no longer this run's (unsubscribed on its way): not counted. */
  markSent(dialogueId: string, emailHash: string, owner: string, sentAt: Date, expiresAt: Date): Promise<boolean>;
  /** Adds sends to the mailout's progress counter: a run counts them in batches, not with a write per email. */
  countSent(dialogueId: string, count: number): Promise<void>;
  /** Failed for good; the contact still expires by `expiresAt` (nothing is kept longer than the retention). */
  markFailed(dialogueId: string, emailHash: string, reason: string, expiresAt: Date): Promise<void>;
  /** Marks the mailout done when no contact is left to send, with its counts taken from the contacts themselves. */
  completeIfDone(dialogueId: string, now: Date): Promise<boolean>;
  suppress(email: string, reason: string, now: Date): Promise<void>;
  /** Whether a contact is still kept (the unsubscribe page says so before it asks). */
  hasContact(dialogueId: string, emailHash: string): Promise<boolean>;
  /** Deletes a contact (unsubscribe, erasure); true if there was one. */
  deleteContact(dialogueId: string, emailHash: string): Promise<boolean>;
}
