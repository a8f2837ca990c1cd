/**
 * What officials take out of the console before and while a dialogue runs: the preview (what embed.js will place,
 * whatever the status) and the invitation kit (poster and text), through the deployed handlers on DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { dynamoDialogueStore } from '../../functions/adapters/dialogue-store';
import { handler as invitationHandler } from '../../functions/admin/dialogues/invitation/handler';
import { handler as previewHandler } from '../../functions/admin/dialogues/preview/handler';
import { demoDialogue } from '../../local/demo-dialogue';
import { changeStatus, createDialogue } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { ljungby } from '../../shared/municipality';
import { routes } from '../../shared/routes';
import { createTestTable } from '../support/dynamo';
import { callRaw, httpEvent, invoke, officialOf } from './support/events';
import { testDocumentClient } from './support/table';

const LEAD = 'tekniska-namnden';
const lead = officialOf(LEAD);
const db = testDocumentClient();
const store = () => dynamoDialogueStore(db, process.env.TABLE_NAME ?? '');
const seeder = { sub: 'seeder', committees: [], isAdmin: true };

async function dialogueIn(status: 'draft' | 'open' | 'closed'): Promise<Dialogue> {
  const now = new Date();
  let change = createDialogue(
    { ...demoDialogue(now), title: { sv: 'Lekplatsen', en: 'The playground' } },
    seeder,
    ljungby,
    {
      id: `kit-${randomUUID().slice(0, 8)}`,
      now,
      responseShards: 2,
    },
  );
  await store().write(change);
  for (const next of status === 'draft'
    ? []
    : status === 'open'
      ? ['open' as const]
      : ['open' as const, 'closed' as const]) {
    change = changeStatus(change.dialogue, next, seeder, now);
    await store().write(change);
  }
  return change.dialogue;
}

const preview = async (dialogue: Dialogue, lang = 'sv') =>
  callRaw(previewHandler, routes.previewDialogue, {
    official: lead,
    pathParameters: { id: dialogue.id },
    query: { lang },
  });

interface Invitation {
  formUrl: string;
  poster: string;
  text: string;
}
const invitation = (dialogue: Dialogue, lang: string) =>
  invoke<Invitation>(
    invitationHandler,
    httpEvent(routes.getInvitation, { official: lead, pathParameters: { id: dialogue.id }, query: { lang } }),
  );

beforeAll(async () => {
  await createTestTable();
});
afterAll(() => db.destroy());

describe('GET /admin/dialogues/{id}/preview', () => {
  it('a draft previews as the form citizens will get: conditions, questions, the send button', async () => {
    const answer = await preview(await dialogueIn('draft'));
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<form');
    expect(answer.body).toContain('Villkor för dialogen');
  });

  it('a closed dialogue previews as the embed shows it then: the notice and the way to its results, no form', async () => {
    const dialogue = await dialogueIn('closed');
    const answer = await preview(dialogue);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('<form');
    expect(answer.body).toContain('Dialogen är stängd');
    expect(answer.body).toContain(`/results/${dialogue.id}`);
    const english = await preview(dialogue, 'en');
    expect(english.body).toContain('The dialogue is closed');
  });
});

describe('GET /admin/dialogues/{id}/invitation', () => {
  it('gives the poster (title, question, conditions in brief, closing date, a QR code) and the text, in Swedish', async () => {
    const dialogue = await dialogueIn('open');
    const answer = await invitation(dialogue, 'sv');
    expect(answer.statusCode).toBe(200);
    const { formUrl, poster, text } = answer.json;
    expect(formUrl).toBe(`http://localhost:3000/form/${dialogue.id}?lang=sv`);
    expect(poster).toContain('<h2 id="md-poster-title">Lekplatsen</h2>');
    expect(poster).toContain('Ljungby kommun vill veta vad du tycker');
    expect(poster).toMatch(/<svg[^>]*viewBox/);
    expect(poster).toContain(`aria-label="QR-kod till enkäten: ${formUrl}"`);
    const closes = new Date(dialogue.closesAt as string).toLocaleDateString('sv-SE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Stockholm',
    });
    expect(poster).toContain(`Svara senast ${closes}.`);
    expect(poster).toContain('Din grad av inflytande:');
    expect(text.split('\n\n')[0]).toBe('Tyck till: Lekplatsen');
    expect(text).toContain(`Svara senast ${closes} på ${formUrl}`);
    expect(text).toContain('dina svar är anonyma');
    expect(text).not.toContain('<');
  });

  it('in English the same kit leads to the English form', async () => {
    const answer = await invitation(await dialogueIn('open'), 'en');
    expect(answer.json.formUrl).toMatch(/\?lang=en$/);
    expect(answer.json.poster).toContain('wants to know what you think');
    expect(answer.json.text.split('\n\n')[0]).toBe('Have your say: The playground');
  });
});
