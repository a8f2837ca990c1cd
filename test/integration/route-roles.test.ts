/**
 * Authorization everywhere (P11, P13): every officials' route of the manifest × every role, through the deployed
 * handlers against DynamoDB Local. Each cell gets a dialogue of its own in the state the route needs, so a write
 * by one role never decides another's answer. A route added to the manifest without a row here fails the test.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { dynamoMailoutStore } from '../../functions/adapters/mailout-store';
import { dynamoResponseStore } from '../../functions/adapters/response-store';
import { demoDialogue } from '../../local/demo-dialogue';
import { changeStatus, createDialogue, decide } from '../../shared/dialogue/lifecycle';
import { freeTextId } from '../../shared/dialogue/moderation';
import type { Dialogue, DialogueStatus } from '../../shared/dialogue/schema';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { type HttpHandler, type Official, administrator, httpEvent, invokeRaw, officialOf } from './support/events';
import { testDocumentClient } from './support/table';

const LEAD = 'tekniska-namnden';
const roles: Record<string, Official | undefined> = {
  none: undefined,
  'another committee': officialOf('socialnamnden'),
  'participating committee': officialOf('kultur-och-fritidsnamnden'),
  'lead committee': officialOf(LEAD),
  admin: administrator,
};
type Role = keyof typeof roles;

const db = testDocumentClient();
const store = () => dynamoDialogueStore(db, process.env.TABLE_NAME ?? '');
const seeder = { sub: 'seeder', committees: [], isAdmin: true };
const decision = { summary: { sv: 'Beslut.' }, motivation: { sv: 'Motivering.' }, decidedAt: '2026-12-02' };

/** A fresh dialogue led by LEAD (kultur-och-fritidsnamnden participates), moved to `status` the way officials do. */
async function dialogueIn(status: DialogueStatus): Promise<Dialogue> {
  const now = new Date();
  const created = createDialogue({ ...demoDialogue(now), title: { sv: 'Behörighet' } }, seeder, ljungby, {
    id: `roller-${randomUUID().slice(0, 8)}`,
    now,
    responseShards: 2,
  });
  await store().write(created);
  let current = created.dialogue;
  const steps: Array<() => ReturnType<typeof changeStatus>> = [];
  if (status !== 'draft') steps.push(() => changeStatus(current, 'open', seeder, now));
  if (status === 'closed' || status === 'decided') steps.push(() => changeStatus(current, 'closed', seeder, now));
  for (const step of steps) {
    const change = step();
    await store().write(change);
    current = change.dialogue;
  }
  if (status === 'decided') {
    const decided = decide(current, decision, seeder, now);
    const mailout = {
      dialogueId: current.id,
      status: 'done' as const,
      total: 0,
      sent: 0,
      failed: 0,
      recipients: 0,
      bounced: 0,
      unsubscribed: 0,
    };
    await dynamoMailoutStore(db, process.env.TABLE_NAME ?? '').startWithDecision(decided, {
      ...mailout,
      startedAt: now.toISOString(),
      completedAt: now.toISOString(),
    });
    current = decided.dialogue;
  }
  return current;
}

interface Row {
  readonly handler: () => Promise<{ handler: HttpHandler }>;
  /** The state the route acts on; undefined for routes about no one dialogue. */
  readonly needs?: DialogueStatus;
  readonly body?: (dialogue: Dialogue) => unknown;
  readonly query?: Record<string, string>;
  readonly expected: Record<Role, number>;
}

const READ = { none: 401, 'another committee': 403, 'participating committee': 200, 'lead committee': 200, admin: 200 };
const MANAGE = {
  none: 401,
  'another committee': 403,
  'participating committee': 403,
  'lead committee': 200,
  admin: 200,
};
const definitionOf = ({ title, leadCommittee, participatingCommittees, questions, format }: Dialogue) => ({
  title,
  leadCommittee,
  participatingCommittees,
  questions,
  format,
  summary: { sv: 'Ändrad.' },
});

const table: Record<string, Row> = {
  whoAmI: {
    handler: () => import('../../functions/admin/me/handler'),
    expected: { ...READ, 'another committee': 200 },
  },
  listDialogues: {
    handler: () => import('../../functions/admin/dialogues/list/handler'),
    expected: { ...READ, 'another committee': 200 },
  },
  createDialogue: {
    handler: () => import('../../functions/admin/dialogues/create/handler'),
    body: () => ({ title: { sv: 'Ny' }, leadCommittee: LEAD, participatingCommittees: ['kultur-och-fritidsnamnden'] }),
    expected: { ...MANAGE, 'lead committee': 201, admin: 201 },
  },
  getDialogueForOfficial: {
    handler: () => import('../../functions/admin/dialogues/get/handler'),
    needs: 'draft',
    expected: READ,
  },
  updateDialogue: {
    handler: () => import('../../functions/admin/dialogues/update/handler'),
    needs: 'draft',
    body: definitionOf,
    expected: MANAGE,
  },
  changeDialogueStatus: {
    handler: () => import('../../functions/admin/dialogues/status/handler'),
    needs: 'open',
    body: () => ({ status: 'closed' }),
    expected: MANAGE,
  },
  getAuditLog: {
    handler: () => import('../../functions/admin/dialogues/audit/handler'),
    needs: 'open',
    expected: READ,
  },
  previewDialogue: {
    handler: () => import('../../functions/admin/dialogues/preview/handler'),
    needs: 'draft',
    expected: READ,
  },
  getInvitation: {
    handler: () => import('../../functions/admin/dialogues/invitation/handler'),
    needs: 'open',
    expected: READ,
  },
  getOfficialResults: {
    handler: () => import('../../functions/admin/dialogues/results/handler'),
    needs: 'open',
    expected: READ,
  },
  exportResponses: {
    handler: () => import('../../functions/admin/dialogues/export/handler'),
    needs: 'closed',
    body: () => ({ format: 'csv' }),
    expected: { ...MANAGE, 'lead committee': 201, admin: 201 },
  },
  registerDecision: {
    handler: () => import('../../functions/admin/dialogues/decision/register'),
    needs: 'closed',
    body: () => decision,
    expected: { ...MANAGE, 'lead committee': 202, admin: 202 },
  },
  correctDecision: {
    handler: () => import('../../functions/admin/dialogues/decision/correct'),
    needs: 'decided',
    body: () => ({ ...decision, motivation: { sv: 'Rättad.' } }),
    expected: MANAGE,
  },
  getMailout: {
    handler: () => import('../../functions/admin/dialogues/mailout/handler'),
    needs: 'decided',
    expected: MANAGE,
  },
  enterResponse: {
    handler: () => import('../../functions/admin/dialogues/responses/handler'),
    needs: 'open',
    body: () => ({ method: 'paper', submissionId: randomUUID(), answers: { favourite: 'natur' } }),
    expected: { ...MANAGE, 'lead committee': 201, admin: 201 },
  },
  moderateFreeText: {
    handler: () => import('../../functions/admin/dialogues/moderation/handler'),
    needs: 'open',
    body: async (dialogue) => ({
      questionId: 'comments',
      textId: await storedFreeText(dialogue, 'Mer skugga, tack.'),
      state: 'publishable',
    }),
    expected: MANAGE,
  },
  getDialogueEvaluation: {
    handler: () => import('../../functions/admin/dialogues/evaluation/get'),
    needs: 'decided',
    expected: READ,
  },
  recordEvaluation: {
    handler: () => import('../../functions/admin/dialogues/evaluation/record'),
    needs: 'decided',
    body: () => ({
      purpose: { answer: 'yes' },
      method: { answer: 'yes' },
      accessibility: { answer: 'partly' },
      representation: { reached: 'Familjer.', missed: 'Unga.' },
    }),
    expected: MANAGE,
  },
  getEvaluation: {
    handler: () => import('../../functions/admin/evaluation/handler'),
    query: { year: '2026' },
    // Kommunstyrelsen follows up every committee: any official reads the year's figures.
    expected: { ...READ, 'another committee': 200 },
  },
};

/** A stored response with a free text, as a citizen's arrives; its free text's id, as the officials' results list it. */
async function storedFreeText(dialogue: Dialogue, text: string): Promise<string> {
  const receivedAt = new Date().toISOString();
  const responseId = randomUUID();
  await dynamoResponseStore(db, process.env.TABLE_NAME ?? '').save({
    dialogueId: dialogue.id,
    dialogueVersion: dialogue.version,
    submissionId: randomUUID(),
    responseId,
    shard: 0,
    receivedAt,
    answers: { favourite: 'natur', comments: text },
    profile: {},
    quarantined: false,
  });
  return freeTextId(0, `${receivedAt}#${responseId}`);
}

beforeAll(async () => {
  await createTestTable();
});

afterAll(async () => {
  db.destroy();
  await rm(process.env.EXPORT_DIR ?? '', { recursive: true, force: true });
});

test('the table covers every officials’ route of the manifest, and no other', () => {
  const officials = Object.entries(routes)
    .filter(([, route]) => route.access === 'official')
    .map(([name]) => name);
  expect(Object.keys(table).sort()).toEqual(officials.sort());
});

const cells = Object.entries(table).flatMap(([name, row]) =>
  (Object.keys(roles) as Role[]).map((role) => ({ name, role, row, status: row.expected[role] })),
);

test.each(cells)('$name as $role answers $status', async ({ name, role, row, status }) => {
  const dialogue = row.needs ? await dialogueIn(row.needs) : undefined;
  const official = roles[role];
  const body = await row.body?.(dialogue as Dialogue);
  const answer = await invokeRaw(
    (await row.handler()).handler,
    httpEvent(routes[name as keyof typeof routes], {
      ...(official ? { official } : {}),
      ...(dialogue ? { pathParameters: { id: dialogue.id } } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(row.query ? { query: row.query } : {}),
    }),
  );
  expect(answer.statusCode).toBe(status);
});
