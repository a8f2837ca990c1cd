import { dialogueIdFrom } from '../../shared/dialogue/ids';
import { dialogueDefinitionSchema, dialogueInputSchema, serverManagedFields } from '../../shared/dialogue/schema';
import { slugId } from '../../shared/dialogue/text';
import { moved as changeStatus } from '../support/dialogues';
import { NOW, asDialogue, callers, demoDefinition } from './fixtures';

const minimal = { title: { sv: 'Ny dialog' }, leadCommittee: 'tekniska-namnden' };
const issuesOf = (input: unknown) => {
  const parsed = dialogueInputSchema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be rejected');
  return parsed.error.issues;
};

describe('dialogueInputSchema', () => {
  test('the demo dialogue is a valid definition', () => {
    expect(dialogueDefinitionSchema.safeParse(demoDefinition()).success).toBe(true);
  });

  test('a fetched dialogue posted back is valid, and every server-managed field is dropped', () => {
    const opened = changeStatus(asDialogue(demoDefinition(), { status: 'draft' }), 'open', callers.lead, NOW);
    const closed = changeStatus(opened, 'closed', callers.lead, NOW);
    const fetched = JSON.parse(JSON.stringify(closed)) as Record<string, unknown>;
    fetched.decisionRecord = {
      summary: { sv: 'Beslut' },
      motivation: { sv: 'Motivering' },
      decidedAt: '2026-05-24',
      registeredAt: NOW.toISOString(),
      registeredBy: 'official-1',
    };
    fetched.evaluationRecord = {
      purpose: { answer: 'yes' },
      method: { answer: 'partly' },
      accessibility: { answer: 'yes' },
      representation: { reached: 'Familjer i Lagan.', missed: 'Unga.' },
      evaluatedAt: NOW.toISOString(),
      evaluatedBy: 'official-1',
    };
    fetched.firstResponseAt = NOW.toISOString();
    fetched.responsesCulled = { at: NOW.toISOString(), afterDecisionDays: 730 };
    fetched.contactsCulled = { at: NOW.toISOString(), afterCloseDays: 180 };
    for (const field of serverManagedFields) expect(fetched).toHaveProperty(field); // the fixture really carries them all

    const parsed = dialogueInputSchema.parse(fetched);

    for (const field of serverManagedFields) expect(parsed).not.toHaveProperty(field);
    expect(parsed).toEqual(dialogueDefinitionSchema.parse(demoDefinition()));
  });

  test('an unknown top-level field is rejected, naming it', () => {
    expect(issuesOf({ ...minimal, colour: 'blå' })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['colour'], path: [] }),
    ]);
  });

  test('an unknown field inside a question is rejected too', () => {
    const [question] = demoDefinition().questions;
    expect(issuesOf({ ...minimal, questions: [{ ...question, colour: 'blå' }] })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['colour'], path: ['questions', 0] }),
    ]);
  });

  test('text needs Swedish: English alone is rejected at title.sv', () => {
    expect(issuesOf({ ...minimal, title: { en: 'New dialogue' } }).map((i) => i.path)).toEqual([['title', 'sv']]);
  });

  test('Swedish of only spaces and control characters counts as missing', () => {
    expect(issuesOf({ ...minimal, title: { sv: '  \u0007 ' } }).map((i) => i.path)).toEqual([['title', 'sv']]);
  });

  test('English may be left out, and the defaults fill in the rest of a bare draft', () => {
    expect(dialogueInputSchema.parse(minimal)).toEqual({
      title: { sv: 'Ny dialog' },
      leadCommittee: 'tekniska-namnden',
      format: { kind: 'single-question' },
      participatingCommittees: [],
      methods: ['web-survey'],
      resultsVisibility: 'after-close',
      questions: [],
      profileQuestions: { relation: true, ageBand: true, locality: true },
    });
  });

  test('text is stored normalised: NFC, trimmed, control characters removed', () => {
    expect(
      dialogueInputSchema.parse({ ...minimal, title: { sv: '  Lekplatsen i La\u0308ngasjo\u0308\u0000 ' } }).title.sv,
    ).toBe('Lekplatsen i Längasjö');
  });
});

describe('dialogueIdFrom', () => {
  test('å, ä and ö become a, a and o; spaces and punctuation become single dashes', () => {
    expect(dialogueIdFrom('Ödet på Ängen – vår å!', '3f9a')).toBe('odet-pa-angen-var-a-3f9a');
  });

  test('a long title is cut to 30 characters', () => {
    expect(dialogueIdFrom('Lekplatsen vid Lagaparken i Lagan', '3f9a')).toBe('lekplatsen-vid-lagaparken-i-la-3f9a');
  });

  test('a cut that ends on a dash leaves no dangling dash before the suffix', () => {
    // the slug's 30th character is the dash after "iii"
    expect(dialogueIdFrom('Lekplatsen vid Lagaparken iii Lagan', '3f9a')).toBe('lekplatsen-vid-lagaparken-iii-3f9a');
  });

  test('a title of nothing but symbols falls back to "dialog"', () => {
    expect(dialogueIdFrom('!!! ??? ', '3f9a')).toBe('dialog-3f9a');
  });

  test('the id is a valid path id even for the longest title', () => {
    const id = dialogueIdFrom('Å'.repeat(200), 'ffff');
    expect(slugId.safeParse(id).success).toBe(true);
  });
});
