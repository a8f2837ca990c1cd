/**
 * Mail helpers for the decision and mailout tests: the SES emulator (aws-ses-v2-local) on a free port, a Mailer
 * that records what it is given, and SES notifications as SNS delivers them.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import sesEmulator from 'aws-ses-v2-local';
import type { SNSEvent } from 'aws-lambda';
import { freePort } from '../../../local/ports';
import type { Mailer } from '../../../shared/mail/mailout-run';
import { parseMime } from '../../support/mime';

export { type ParsedMime, parseMime } from '../../support/mime';
export { busiestWindow, tally } from '../../support/counting';

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

/** As the configuration set's event destination publishes it (`eventType`): what the deployed stack receives. */
export const bounce = (dialogueId: string | undefined, email: string, bounceType: 'Permanent' | 'Transient') => ({
  eventType: 'Bounce',
  bounce: {
    bounceType,
    bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
    bouncedRecipients: [
      { emailAddress: email, action: 'failed', status: bounceType === 'Permanent' ? '5.1.1' : '4.2.2' },
    ],
    timestamp: new Date().toISOString(),
    feedbackId: randomUUID(),
  },
  mail: sesMail(dialogueId, email),
});

/** As an identity notification publishes it (`notificationType`): the older shape, read just the same. */
export const complaint = (dialogueId: string | undefined, email: string) => ({
  notificationType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: email }],
    complaintFeedbackType: 'abuse',
    timestamp: new Date().toISOString(),
    feedbackId: randomUUID(),
  },
  mail: sesMail(dialogueId, email),
});
