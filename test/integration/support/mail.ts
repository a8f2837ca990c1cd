/**
 * Mail helpers for the decision and mailout tests: the SES emulator (aws-ses-v2-local) on a free port, a Mailer
 * that records what it is given, and a small reader of the raw MIME messages the mailout builds.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import sesEmulator from 'aws-ses-v2-local';
import type { SNSEvent } from 'aws-lambda';
import { freePort } from '../../../local/ports';
import type { Mailer } from '../../../shared/mail/mailout-run';

/** An email as the emulator keeps it (it parses the raw message; it keeps no headers apart from these). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly at: number;
}

export interface RunningSes {
  readonly url: string;
  emails(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the SES emulator on a free port of 127.0.0.1. */
export async function startSes(): Promise<RunningSes> {
  const port = await freePort();
  const server: Server = await sesEmulator({ host: '127.0.0.1', port });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async emails() {
      const answer = await fetch(`${url}/store`);
      return ((await answer.json()) as { emails: StoredEmail[] }).emails;
    },
    async clear() {
      const answer = await fetch(`${url}/clear-store`, { method: 'POST' });
      if (!answer.ok) throw new Error(`clear-store answered ${answer.status}`);
    },
    stop: () => closeServer(server),
  };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** One raw MIME message taken apart: unfolded headers (lower-case names) and the decoded body parts. */
export interface ParsedMime {
  readonly headers: Record<string, string>;
  readonly parts: Array<{ headers: Record<string, string>; body: string }>;
}

function headerBlock(block: string): Record<string, string> {
  const unfolded = block.replace(/\r\n[ \t]+/g, ' ');
  return Object.fromEntries(
    unfolded.split('\r\n').filter(Boolean).map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
}

export function parseMime(raw: string): ParsedMime {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headerBlock(raw.slice(0, split));
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, parts: [] };
  const parts = raw
    .slice(split + 4)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const body = chunk.replace(/^\r\n/, '');
      const end = body.indexOf('\r\n\r\n');
      const partHeaders = headerBlock(body.slice(0, end));
      const content = body.slice(end + 4);
      const decoded = /base64/i.test(partHeaders['content-transfer-encoding'] ?? '') ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8') : content;
      return { headers: partHeaders, body: decoded };
    });
  return { headers, parts };
}

/** The address in a raw message's `To:` header. */
export const recipientOf = (raw: string): string => parseMime(raw).headers.to ?? '';

export interface SentMessage {
  readonly to: string;
  readonly raw: string;
  readonly tags: Readonly<Record<string, string>>;
  /** performance.now() when the mailout handed the message to the Mailer. */
  readonly at: number;
}

/** A Mailer that records every message handed to it, then passes it on (or accepts it when there is no next). */
export function recordingMailer(next?: Mailer): Mailer & { readonly sent: SentMessage[] } {
  const sent: SentMessage[] = [];
  return {
    sent,
    async send(raw, tags) {
      const message = { to: recipientOf(raw), raw, tags, at: performance.now() };
      await next?.send(raw, tags);
      sent.push(message);
    },
  };
}

/** How many times each value occurs. */
export function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** The most starts that fall in any window of `windowMs` (half open, starting at one of them). */
export function busiestWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** An SNS event carrying one SES notification, as the configuration set's topic delivers it to Lambda. */
export function sesNotification(notification: unknown): SNSEvent {
  const topic = 'arn:aws:sns:eu-north-1:000000000000:medborgardialog-ses-feedback';
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topic}:0b5d3c2e-7d7a-4c61-9f3e-1a2b3c4d5e6f`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topic,
          Message: JSON.stringify(notification),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'c2lnbmF0dXJl',
          SigningCertUrl: 'https://sns.eu-north-1.amazonaws.com/SimpleNotificationService-0000.pem',
          UnsubscribeUrl: `https://sns.eu-north-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** The `mail` object of an SES notification for a message the mailout sent for `dialogueId`. */
export const sesMail = (dialogueId: string | undefined, to: string) => ({
  timestamp: new Date().toISOString(),
  messageId: `0100019${randomUUID().replace(/-/g, '')}`,
  source: 'medborgardialog@ljungby.example',
  destination: [to],
  tags: { 'ses:configuration-set': ['medborgardialog-local'], ...(dialogueId ? { dialogue: [dialogueId] } : {}) },
});

export const bounce = (dialogueId: string | undefined, email: string, bounceType: 'Permanent' | 'Transient') => ({
  notificationType: 'Bounce',
  bounce: {
    bounceType,
    bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
    bouncedRecipients: [{ emailAddress: email, action: 'failed', status: bounceType === 'Permanent' ? '5.1.1' : '4.2.2' }],
    timestamp: new Date().toISOString(),
    feedbackId: randomUUID(),
  },
  mail: sesMail(dialogueId, email),
});

export const complaint = (dialogueId: string | undefined, email: string) => ({
  notificationType: 'Complaint',
  complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse', timestamp: new Date().toISOString(), feedbackId: randomUUID() },
  mail: sesMail(dialogueId, email),
});
