import { fieldChanges } from '../../shared/dialogue/audit';
import {
  CLOSING_JOB,
  changeStatus,
  closeIfDue,
  createDialogue,
  decide,
  editDialogue,
} from '../../shared/dialogue/lifecycle';
import { ljungby } from '../../shared/municipality';
import { NOW, callers, daysFrom, demo, demoDefinition } from './fixtures';

const decision = {
  summary: { sv: 'Nämnden väljer Lekplats för alla.' },
  motivation: { sv: 'Flest röster.' },
  decidedAt: '2026-12-02',
};

describe('the life cycle: every write records who made it and carries its audit entry', () => {
  test('a new draft replaces nothing (version 0), is version 1, and its entry lists every field it was given', () => {
    const { dialogue, expectedVersion, audit } = createDialogue(demoDefinition(), callers.lead, ljungby, {
      id: 'lekplatsen-3f9a',
      now: NOW,
      responseShards: 4,
    });
    expect(expectedVersion).toBe(0);
    expect(dialogue).toMatchObject({
      version: 1,
      status: 'draft',
      updatedBy: 'lead-official',
      createdBy: 'lead-official',
    });
    expect(audit).toMatchObject({
      dialogueId: 'lekplatsen-3f9a',
      version: 1,
      at: NOW.toISOString(),
      by: 'lead-official',
      action: 'created',
    });
    expect(audit.changes.title).toEqual({ after: demoDefinition().title });
    expect(audit.changes.status).toEqual({ after: 'draft' });
    // Bookkeeping is not a change of the definition.
    expect(Object.keys(audit.changes)).not.toEqual(expect.arrayContaining(['version']));
    expect(audit.changes).not.toHaveProperty('updatedAt');
  });

  test('an edit replaces the version it read, and its entry holds only what changed, before and after', () => {
    const existing = demo({ status: 'draft', version: 7, updatedBy: 'someone-else' });
    const summary = { sv: 'En ny sammanfattning.' };
    const { dialogue, expectedVersion, audit } = editDialogue(
      existing,
      { ...demoDefinition(), summary },
      callers.admin,
      ljungby,
      NOW,
    );
    expect(expectedVersion).toBe(7);
    expect(dialogue).toMatchObject({ version: 8, updatedBy: 'admin-official', summary });
    expect(audit).toMatchObject({ version: 8, by: 'admin-official', action: 'edited' });
    expect(audit.changes).toEqual({ summary: { before: existing.summary, after: summary } });
  });

  test('opening and closing are entries of their own, with the status and its time', () => {
    const opened = changeStatus(demo({ status: 'draft', version: 2 }), 'open', callers.lead, NOW);
    expect(opened.audit).toMatchObject({ action: 'opened', version: 3, by: 'lead-official' });
    expect(opened.audit.changes).toEqual({
      status: { before: 'draft', after: 'open' },
      openedAt: { after: NOW.toISOString() },
    });
    const closed = changeStatus(opened.dialogue, 'closed', callers.lead, daysFrom(NOW, 1));
    expect(closed.expectedVersion).toBe(3);
    expect(closed.audit).toMatchObject({ action: 'closed', version: 4 });
  });

  test('the scheduler’s close is recorded as the job’s', () => {
    const closed = closeIfDue(demo({ status: 'open', version: 4 }), daysFrom(NOW, 31));
    expect(closed?.dialogue.updatedBy).toBe(CLOSING_JOB);
    expect(closed?.audit).toMatchObject({ action: 'closed', by: 'job:close-dialogues', version: 5 });
  });

  test('registering and correcting the decision are told apart', () => {
    const registered = decide(demo({ status: 'closed', version: 5 }), decision, callers.lead, NOW);
    expect(registered.audit.action).toBe('decision-registered');
    expect(registered.audit.changes.status).toEqual({ before: 'closed', after: 'decided' });
    const corrected = decide(registered.dialogue, { ...decision, motivation: { sv: 'Rättad.' } }, callers.lead, NOW);
    expect(corrected.audit.action).toBe('decision-corrected');
    expect(Object.keys(corrected.audit.changes)).toEqual(['decisionRecord']);
  });

  test('a field stored with its keys in another order is no change', () => {
    const before = demo({
      influence: { level: 'consultation', canChange: { sv: 'a' }, cannotChange: { sv: 'b' } } as never,
    });
    const after = {
      ...before,
      influence: { cannotChange: { sv: 'b' }, canChange: { sv: 'a' }, level: 'consultation' } as never,
    };
    expect(fieldChanges(before, after)).toEqual({});
  });
});
