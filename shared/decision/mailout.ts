/** The feedback mailout of one dialogue: DynamoDB is the work queue, this item its progress. */
export interface Mailout {
  readonly dialogueId: string;
  readonly status: 'sending' | 'done';
  /** Consenting contacts when the decision was registered (no more can come: the dialogue is closed). */
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  /** For the evaluation (P14): the contacts when the decision was registered, and those SES bounced or who left. */
  readonly recipients: number;
  readonly bounced: number;
  readonly unsubscribed: number;
  readonly startedAt: string;
  readonly completedAt?: string;
  /**
   * Where the last run stopped in the queue (a contact's key): the next run reads on from there, not through every
   * contact already sent. A run that reaches the end clears it, so the one after reads from the start for any left
   * behind (failed for now, or given back by a run that crashed before noting it).
   */
  readonly resumeAfter?: string;
}

/**
 * What a progress bar needs. Before the decision there is no mailout: `recipients` (the consenting contacts now) is
 * how many the decision would email, for the official's confirmation.
 */
export function mailoutProgress(mailout: Mailout | undefined, recipients = 0) {
  if (!mailout)
    return {
      status: 'not-started' as const,
      total: recipients,
      sent: 0,
      failed: 0,
      pending: recipients,
      percentDone: 0,
    };
  const pending = Math.max(0, mailout.total - mailout.sent - mailout.failed);
  const percentDone = mailout.total ? Math.round((100 * (mailout.sent + mailout.failed)) / mailout.total) : 100;
  return {
    status: mailout.status,
    total: mailout.total,
    sent: mailout.sent,
    failed: mailout.failed,
    pending,
    percentDone,
    startedAt: mailout.startedAt,
    completedAt: mailout.completedAt,
  };
}
