import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import sesEmulator from 'aws-ses-v2-local';
import { dynamoDialogueStore } from '../functions/adapters/dialogue-store';
import { createSesClient, sesMailer } from '../functions/adapters/mailer';
import { dynamoMailoutStore } from '../functions/adapters/mailout-store';
import { emptyState } from '../shared/aggregation/state';
import { presentResults } from '../shared/aggregation/present';
import { publicDefinition } from '../shared/dialogue/public-view';
import { importDialogue } from '../shared/dialogue/lifecycle';
import type { Dialogue } from '../shared/dialogue/schema';
import { keys } from '../shared/keys';
import { type Mailer, runMailouts } from '../shared/mail/mailout-run';
import { ljungby } from '../shared/municipality';
import { emailHash } from '../shared/responses/submit';
import { freePort } from '../local/ports';
import type { BenchStack } from './harness';
import { report, throughput } from './measure';

/** The most starts in any one-second window (a sliding window over the sorted start times). */
function busiestSecond(startsMs: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < startsMs.length; to++) {
    while ((startsMs[to] as number) - (startsMs[from] as number) >= 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** mailout_rate_ratio, mailout_duplicates and mailout_missed: 10,000 recipients through the SES emulator. */
export async function benchMailout(stack: BenchStack, recipients = 10_000, rate = 100): Promise<void> {
  const sesPort = await freePort();
  const ses = await sesEmulator({ host: '127.0.0.1', port: sesPort });
  const { documentClient: client, tableName } = stack;
  const dialogues = dynamoDialogueStore(client, tableName);
  const demo = (await dialogues.get('demo')) as Dialogue;
  const dialogue: Dialogue = {
    ...demo,
    id: 'bench-mail',
    status: 'decided',
    decisionRecord: {
      summary: { sv: 'Beslut' },
      motivation: { sv: 'Motivering' },
      decidedAt: '2027-02-10',
      registeredAt: new Date().toISOString(),
      registeredBy: 'bench',
    },
  };
  const emails = Array.from({ length: recipients }, (_, i) => `deltagare${i}@example.se`);
  await throughput(Math.ceil(recipients / 25), 8, async (b) => {
    const items = emails.slice(b * 25, b * 25 + 25).map((email) => ({
      PutRequest: {
        Item: {
          ...keys.contact(dialogue.id, emailHash(dialogue.id, email)),
          kind: 'contact',
          dialogueId: dialogue.id,
          email,
          language: 'sv',
        },
      },
    }));
    await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
  });
  const mailouts = dynamoMailoutStore(client, tableName);
  // The decided copy and its mailout, written together as a registered decision is.
  await mailouts.startWithDecision(importDialogue(dialogue, 'bench', new Date()), {
    dialogueId: dialogue.id,
    status: 'sending',
    total: recipients,
    sent: 0,
    failed: 0,
    recipients,
    bounced: 0,
    unsubscribed: 0,
    startedAt: new Date().toISOString(),
  });

  const starts: number[] = [];
  const real = sesMailer(createSesClient(`http://127.0.0.1:${sesPort}`));
  const mailer: Mailer = { send: (raw, tags) => (starts.push(performance.now()), real.send(raw, tags)) };
  const definition = publicDefinition(dialogue, ljungby);
  const results = presentResults(dialogue, emptyState(), null, { kind: 'public', disclosureThreshold: 5 });
  const outcome = await runMailouts({
    dialogues: { list: async () => [dialogue], get: async () => dialogue },
    mailouts,
    mailer,
    clock: { now: () => new Date() },
    settings: {
      from: 'Ljungby kommun <medborgardialog@ljungby.example>',
      publicBaseUrl: 'http://localhost:3000',
      unsubscribeKeys: { current: 'bench-secret-0123456789abcdef0123456789' },
      maxSendRate: rate,
      leaseMs: 120_000,
      contactRetentionDays: 30,
    },
    content: async () => ({ definition, results }),
    remainingMs: () => Number.POSITIVE_INFINITY,
  });

  const store = (await (await fetch(`http://127.0.0.1:${sesPort}/store`)).json()) as {
    emails: Array<{ destination: { to: string[] } }>;
  };
  const perRecipient = new Map<string, number>();
  for (const email of store.emails)
    for (const to of email.destination.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  const seconds = ((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000 + 1 / rate;
  report('mailout_configured_rate', rate, 'per s');
  report('mailout_rate_ratio', starts.length / seconds / rate);
  report('mailout_busiest_second_vs_rate', busiestSecond(starts) / rate);
  report('mailout_duplicates', [...perRecipient.values()].filter((n) => n > 1).length);
  report('mailout_missed', emails.filter((e) => !perRecipient.has(e)).length);
  report('mailout_sent', outcome.sent);
  await new Promise((resolve) => ses.close(resolve));
}
