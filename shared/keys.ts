/** Every key of the single table is built here, and nowhere else. */

const dialoguePk = (dialogueId: string): string => `DIALOGUE#${dialogueId}`;

const ratingPartition = (dialogueId: string): string => `${dialoguePk(dialogueId)}#RATINGS`;

export const keys = {
  dialogue: (dialogueId: string) => ({ pk: dialoguePk(dialogueId), sk: 'DEFINITION' }),
  /** Every item of one dialogue (definition, results, responses, contacts) has `pk`, or a key that starts with `pkPrefix`. */
  dialogueItems: (dialogueId: string) => ({ pk: dialoguePk(dialogueId), pkPrefix: `${dialoguePk(dialogueId)}#` }),
  /** Index entry listing all dialogues, newest last; dialogues are few (tens a year), so one partition suffices. */
  dialogueListing: (createdAt: string, dialogueId: string) => ({
    gsi1pk: 'DIALOGUES',
    gsi1sk: `${createdAt}#${dialogueId}`,
  }),
  dialogueListingPk: 'DIALOGUES',
  /**
   * A response lives under its submission's id, so storing it once is one conditional write and a retry finds
   * the first copy. Its place in time is kept in the arrival index instead (`responseArrival`).
   */
  response: (dialogueId: string, submissionId: string) => ({
    pk: `${dialoguePk(dialogueId)}#SUBMISSION#${submissionId}`,
    sk: 'RESPONSE',
  }),
  /** Arrival partitions are spread over shards so one popular dialogue is not capped by one partition's write rate. */
  responsePartition: (dialogueId: string, shard: number) => `${dialoguePk(dialogueId)}#RESPONSES#${shard}`,
  /** Where a response sits in the arrival index: its shard (or the quarantine), time-ordered so the aggregation reads "everything after a watermark". */
  responseArrival: (partition: string, receivedAt: string, responseId: string) => ({
    gsi2pk: partition,
    gsi2sk: `${receivedAt}#${responseId}`,
  }),
  /** The response id in an arrival-index sort key (`<receivedAt>#<responseId>`). */
  arrivalResponseId: (sortKey: string) => sortKey.slice(sortKey.indexOf('#') + 1),
  /** A dialogue's audit log, one item per change, sorted by the version the change produced (never two alike). */
  audit: (dialogueId: string, version: number) => ({
    pk: `${dialoguePk(dialogueId)}#AUDIT`,
    sk: `V${String(version).padStart(10, '0')}`,
  }),
  auditPartition: (dialogueId: string) => `${dialoguePk(dialogueId)}#AUDIT`,
  /** The dialogue's results: folded state, per-shard watermarks and a version for conditional writes. */
  aggregate: (dialogueId: string) => ({ pk: dialoguePk(dialogueId), sk: 'AGGREGATE' }),
  /** The feedback mailout's progress. */
  mailout: (dialogueId: string) => ({ pk: dialoguePk(dialogueId), sk: 'MAILOUT' }),
  /** That the lead committee was reminded of the feedback date (`upcoming` or `overdue`): one item per kind, never sent twice. */
  reminder: (dialogueId: string, kind: string) => ({ pk: dialoguePk(dialogueId), sk: `REMINDER#${kind}` }),
  /** Who is sending feedback email right now: one run at a time, account-wide, since SES limits the account. */
  mailoutRunner: { pk: 'MAILOUT', sk: 'RUNNER' },
  /** Addresses that bounced permanently or complained: never mailed again, whatever the dialogue. */
  suppression: (addressHash: string) => ({ pk: 'SUPPRESSED', sk: addressHash }),
  /** Honeypot hits: kept apart, never counted. */
  quarantinePartition: (dialogueId: string) => `${dialoguePk(dialogueId)}#QUARANTINE`,
  /** Contacts sort by the hash of their address: no time order, so nothing joins them to responses. */
  contact: (dialogueId: string, emailHash: string) => ({ pk: `${dialoguePk(dialogueId)}#CONTACTS`, sk: emailHash }),
  /** A free text's moderation, by question and text; only this dialogue's officials and its public record read them. */
  moderation: (dialogueId: string, questionId: string, textId: string) => ({
    pk: `${dialoguePk(dialogueId)}#MODERATION`,
    sk: `${questionId}#${textId}`,
  }),
  moderationPartition: (dialogueId: string) => `${dialoguePk(dialogueId)}#MODERATION`,
  contactPartition: (dialogueId: string) => `${dialoguePk(dialogueId)}#CONTACTS`,
  /** That a rating link was used: the rater's keyed hash only, never the rating, so neither leads to the other. */
  rater: (dialogueId: string, rater: string) => ({ pk: `${dialoguePk(dialogueId)}#RATERS`, sk: rater }),
  /** A participant's rating, under a random id: no address, no time, no answers. */
  rating: (dialogueId: string, ratingId: string) => ({ pk: ratingPartition(dialogueId), sk: ratingId }),
  ratingPartition: (dialogueId: string) => ratingPartition(dialogueId),
} as const;

/**
 * Partition keys by kind, as IAM's `StringLike` patterns (`*` any run of characters, `#` included): a function that
 * writes only these kinds is granted writes on them alone (`table` in shared/routes.ts). Only kinds no other pattern
 * can reach are named: `DIALOGUE#*` would match every partition of every dialogue, so a function that writes a
 * dialogue's own partition (a submission marks its first response there) is granted writes on any item.
 */
export const keyPatterns = {
  raters: 'DIALOGUE#*#RATERS',
  ratings: 'DIALOGUE#*#RATINGS',
} as const;
export type KeyPatternName = keyof typeof keyPatterns;

/** Whether a partition key matches a pattern the way IAM's `StringLike` does (`*` any characters, `?` one). */
export function matchesKeyPattern(key: string, pattern: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(key);
}
