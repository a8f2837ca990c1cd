import type { Caller } from '../../shared/access';
import * as lifecycle from '../../shared/dialogue/lifecycle';
import {
  definitionIssues,
  isAcceptingResponses,
  missingForOpening,
  openingWarnings,
} from '../../shared/dialogue/rules';
import { type DialogueDefinition, dialogueDefinitionSchema, dialogueInputSchema } from '../../shared/dialogue/schema';
import { ConflictError, ForbiddenError, IncompleteError, type Issue, ValidationError } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import { NOW, asDialogue, callers, daysFrom, demo, demoDefinition, thrown } from './fixtures';

// The rules as they shape the dialogue; what each change records is tested in lifecycle.test.ts.
const changeStatus = (...args: Parameters<typeof lifecycle.changeStatus>) => lifecycle.changeStatus(...args).dialogue;
const editDialogue = (...args: Parameters<typeof lifecycle.editDialogue>) => lifecycle.editDialogue(...args).dialogue;
const closeIfDue = (...args: Parameters<typeof lifecycle.closeIfDue>) => lifecycle.closeIfDue(...args)?.dialogue;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A demo definition changed by `change`; everything else stays valid and complete. */
const demoWith = (change: (d: Mutable<DialogueDefinition>) => void): DialogueDefinition => {
  const definition = structuredClone(demoDefinition()) as Mutable<DialogueDefinition>;
  change(definition);
  return definition;
};
const paths = (issues: readonly Issue[]): string[] => issues.map((i) => i.path);
const questionIndex = (id: string): number => demoDefinition().questions.findIndex((q) => q.id === id);

describe('definitionIssues', () => {
  test('the demo definition breaks no rule, so each case below isolates one broken rule', () => {
    expect(definitionIssues(demoDefinition(), ljungby)).toEqual([]);
  });

  test('an unknown lead committee is named in leadCommittee', () => {
    expect(
      definitionIssues(
        demoWith((d) => (d.leadCommittee = 'gatunamnden')),
        ljungby,
      ),
    ).toEqual([
      { path: 'leadCommittee', message: 'Okänd nämnd "gatunamnden".', messageEn: 'Unknown committee "gatunamnden".' },
    ]);
  });

  test('an unknown participating committee is named by its index', () => {
    const issues = definitionIssues(
      demoWith((d) => (d.participatingCommittees = ['socialnamnden', 'gatunamnden'])),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: 'participatingCommittees.1',
        message: 'Okänd nämnd "gatunamnden".',
        messageEn: 'Unknown committee "gatunamnden".',
      },
    ]);
  });

  test('an unknown deciding committee is named in decision.committee', () => {
    const issues = definitionIssues(
      demoWith((d) => (d.decision = { committee: 'gatunamnden', expectedDate: '2026-06-01' })),
      ljungby,
    );
    expect(paths(issues)).toEqual(['decision.committee']);
  });

  test('the lead committee listed as participating too is an issue', () => {
    const issues = definitionIssues(
      demoWith((d) => (d.participatingCommittees = ['kultur-och-fritidsnamnden', 'tekniska-namnden'])),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: 'participatingCommittees.1',
        message: 'Den huvudansvariga nämnden ska inte också stå som deltagande.',
        messageEn: 'The lead committee must not also be listed as participating.',
      },
    ]);
  });

  test('a participating committee listed twice is an issue', () => {
    const issues = definitionIssues(
      demoWith((d) => (d.participatingCommittees = ['socialnamnden', 'socialnamnden'])),
      ljungby,
    );
    expect(paths(issues)).toEqual(['participatingCommittees']);
    expect(issues[0]?.messageEn).toBe('Committee "socialnamnden" is listed more than once.');
  });

  test('two questions with one id are an issue on questions', () => {
    const issues = definitionIssues(
      demoWith((d) => {
        const [first, second] = d.questions;
        d.questions = [first!, { ...second!, id: first!.id }, ...d.questions.slice(2)];
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: 'questions',
        message: 'Frågan "favourite" finns flera gånger.',
        messageEn: 'Question "favourite" appears more than once.',
      },
    ]);
  });

  test('two options with one id are an issue on that question’s options', () => {
    const at = questionIndex('important');
    const issues = definitionIssues(
      demoWith((d) => {
        const q = d.questions[at]!;
        if (q.type !== 'multiple') throw new Error('fixture changed');
        d.questions[at] = { ...q, options: [...q.options, { id: 'shade', label: { sv: 'Skugga igen' } }] };
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: `questions.${at}.options`,
        message: 'Svarsalternativet "shade" finns flera gånger.',
        messageEn: 'Option "shade" appears more than once.',
      },
    ]);
  });

  test('two alternatives with one id are an issue on format.alternatives', () => {
    const issues = definitionIssues(
      demoWith((d) => {
        if (d.format.kind !== 'alternatives') throw new Error('fixture changed');
        const [first, ...rest] = d.format.alternatives;
        d.format = { kind: 'alternatives', alternatives: [first!, ...rest, { ...first!, title: { sv: 'Kopia' } }] };
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: 'format.alternatives',
        message: 'Förslaget "natur" finns flera gånger.',
        messageEn: 'Alternative "natur" appears more than once.',
      },
    ]);
  });

  test('maxChoices above the number of options is an issue; equal to it is not', () => {
    const at = questionIndex('important');
    const withMax = (maxChoices: number) =>
      demoWith((d) => {
        const q = d.questions[at]!;
        if (q.type !== 'multiple') throw new Error('fixture changed');
        d.questions[at] = { ...q, maxChoices };
      });
    expect(definitionIssues(withMax(6), ljungby)).toEqual([
      {
        path: `questions.${at}.maxChoices`,
        message: 'Fler val tillåts än det finns alternativ.',
        messageEn: 'More choices are allowed than there are options.',
      },
    ]);
    expect(definitionIssues(withMax(5), ljungby)).toEqual([]);
  });

  test.each([
    ['equal to', 3, 3],
    ['above', 5, 1],
  ])('a rating scale whose minimum is %s its maximum is an issue', (_, min, max) => {
    const at = questionIndex('rating-alla');
    const issues = definitionIssues(
      demoWith((d) => {
        const q = d.questions[at]!;
        if (q.type !== 'rating') throw new Error('fixture changed');
        d.questions[at] = { ...q, scale: { ...q.scale, min, max } };
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: `questions.${at}.scale`,
        message: 'Skalans lägsta värde måste vara mindre än det högsta.',
        messageEn: 'The scale minimum must be below its maximum.',
      },
    ]);
  });

  test('ranking the alternatives without the alternatives format is an issue on rankOf', () => {
    const issues = definitionIssues(
      demoWith((d) => {
        d.format = { kind: 'single-question' };
        d.questions = d.questions.filter((q) => !q.concerns);
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: `questions.${questionIndex('ranking')}.rankOf`,
        message: 'Att rangordna förslagen kräver formatet med alternativa förslag.',
        messageEn: 'Ranking the alternatives needs the alternatives format.',
      },
    ]);
  });

  test('ranking its own options without any options is an issue on options', () => {
    const at = questionIndex('ranking');
    const issues = definitionIssues(
      demoWith((d) => {
        d.questions[at] = {
          id: 'ranking',
          type: 'ranking',
          rankOf: 'options',
          required: false,
          label: { sv: 'Rangordna' },
        };
      }),
      ljungby,
    );
    expect(paths(issues)).toEqual([`questions.${at}.options`]);
  });

  test('a question concerning an alternative that does not exist is an issue on concerns', () => {
    const at = questionIndex('rating-alla');
    const issues = definitionIssues(
      demoWith((d) => (d.questions[at] = { ...d.questions[at]!, concerns: 'vattenlek' })),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: `questions.${at}.concerns`,
        message: 'Förslaget "vattenlek" finns inte.',
        messageEn: 'There is no alternative "vattenlek".',
      },
    ]);
  });

  test.each([
    ['at the same time as', 0],
    ['before', -1],
  ])('closing %s opening is an issue on closesAt', (_, offsetMs) => {
    const issues = definitionIssues(
      demoWith((d) => {
        d.opensAt = '2026-04-01T08:00:00.000Z';
        d.closesAt = new Date(Date.parse('2026-04-01T08:00:00.000Z') + offsetMs).toISOString();
      }),
      ljungby,
    );
    expect(issues).toEqual([
      {
        path: 'closesAt',
        message: 'Dialogen måste stänga efter att den öppnar.',
        messageEn: 'The dialogue must close after it opens.',
      },
    ]);
  });

  test('opening and closing are compared as instants, not as text, across time zone offsets', () => {
    const at = (opensAt: string, closesAt: string) =>
      definitionIssues(
        demoWith((d) => ((d.opensAt = opensAt), (d.closesAt = closesAt))),
        ljungby,
      );
    // 09:00+02:00 is 07:00Z, an hour before 08:00Z, although "09:00" sorts after "08:00" as text.
    expect(at('2026-04-01T09:00:00+02:00', '2026-04-01T08:00:00Z')).toEqual([]);
    expect(paths(at('2026-04-01T08:00:00Z', '2026-04-01T09:00:00+02:00'))).toEqual(['closesAt']);
  });
});

describe('missingForOpening', () => {
  test('the complete demo dialogue misses nothing', () => {
    expect(missingForOpening(demoDefinition(), NOW)).toEqual([]);
  });

  test('a bare draft lists every policy field and the missing questions of a web survey', () => {
    const draft = dialogueDefinitionSchema.parse({ title: { sv: 'Ny dialog' }, leadCommittee: 'tekniska-namnden' });
    expect(paths(missingForOpening(draft, NOW))).toEqual([
      'summary',
      'background',
      'targetGroup',
      'question',
      'influence',
      'decision',
      'feedbackPromise',
      'closesAt',
      'questions',
    ]);
  });

  test.each([
    'summary',
    'background',
    'targetGroup',
    'question',
    'influence',
    'decision',
    'feedbackPromise',
    'closesAt',
  ] as const)('without %s exactly that field is reported, in Swedish and English', (field) => {
    const gaps = missingForOpening(
      demoWith((d) => delete d[field]),
      NOW,
    );
    expect(paths(gaps)).toEqual([field]);
    const [gap] = gaps;
    expect(gap?.message).toMatch(/[a-zåäö]{3}/i);
    expect(gap?.messageEn).toMatch(/[a-z]{3}/i);
    expect(gap?.message).not.toBe(gap?.messageEn);
  });

  test('a web survey without questions is reported; a dialogue run only as meetings needs none', () => {
    expect(
      paths(
        missingForOpening(
          demoWith((d) => (d.questions = [])),
          NOW,
        ),
      ),
    ).toEqual(['questions']);
    expect(
      missingForOpening(
        demoWith((d) => ((d.questions = []), (d.methods = ['meeting', 'walk']))),
        NOW,
      ),
    ).toEqual([]);
  });

  test.each([
    ['has passed', -60_000],
    ['is exactly now', 0],
  ])('a closing time that %s is reported as passed', (_, offsetMs) => {
    const gaps = missingForOpening(
      demoWith((d) => (d.closesAt = new Date(NOW.getTime() + offsetMs).toISOString())),
      NOW,
    );
    expect(gaps).toEqual([
      {
        path: 'closesAt',
        message: 'Stängningstiden har redan passerat; välj en senare tid.',
        messageEn: 'The closing time has already passed; choose a later one.',
      },
    ]);
  });
});

describe('openingWarnings (P7)', () => {
  const withDates = (closesAt: string, expectedDate: string) =>
    demoWith((d) => ((d.closesAt = closesAt), (d.decision = { committee: 'tekniska-namnden', expectedDate })));

  test('a decision expected less than 14 days after the close warns, naming the days', () => {
    expect(openingWarnings(withDates('2026-04-01T12:00:00.000Z', '2026-04-14'))).toEqual([
      {
        path: 'decision.expectedDate',
        message: 'Beslutet väntas bara 12 dagar efter att dialogen stänger; synpunkterna hinner knappt beaktas (P7).',
        messageEn:
          'The decision is expected only 12 days after the dialogue closes; there is little time to consider the input (P7).',
      },
    ]);
  });

  test('a decision 14 days or more after the close does not warn', () => {
    expect(openingWarnings(withDates('2026-04-01T00:00:00.000Z', '2026-04-15'))).toEqual([]);
    expect(openingWarnings(demoDefinition())).toEqual([]);
  });

  test('a decision expected before the close warns too', () => {
    expect(paths(openingWarnings(withDates('2026-04-01T00:00:00.000Z', '2026-03-20')))).toEqual([
      'decision.expectedDate',
    ]);
  });

  test('without a decision or a closing time there is nothing to compare, so no warning', () => {
    expect(openingWarnings(demoWith((d) => delete d.decision))).toEqual([]);
    expect(openingWarnings(demoWith((d) => delete d.closesAt))).toEqual([]);
  });
});

describe('changeStatus', () => {
  test('a complete draft opens: status, openedAt, updatedAt and version move on', () => {
    const opened = changeStatus(demo({ status: 'draft', version: 2 }), 'open', callers.lead, NOW);
    expect(opened).toMatchObject({
      status: 'open',
      openedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      version: 3,
    });
    expect(opened).not.toHaveProperty('closedAt');
  });

  test('an open dialogue closes with closedAt', () => {
    const closed = changeStatus(demo({ status: 'open', version: 5 }), 'closed', callers.lead, NOW);
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), version: 6 });
  });

  test.each([
    ['draft', 'closed'],
    ['open', 'open'],
    ['closed', 'open'],
    ['closed', 'closed'],
    ['decided', 'open'],
    ['decided', 'closed'],
  ] as const)('%s → %s is refused with a ConflictError', (from, to) => {
    const error = thrown(() => changeStatus(demo({ status: from }), to, callers.lead, NOW), ConflictError);
    expect(error.message).toBe(`A dialogue that is ${from} cannot become ${to}.`);
  });

  test('opening an incomplete draft throws IncompleteError listing the missing fields', () => {
    const draft = asDialogue(
      demoWith((d) => (delete d.influence, delete d.decision)),
      { status: 'draft' },
    );
    const error = thrown(() => changeStatus(draft, 'open', callers.lead, NOW), IncompleteError);
    expect(paths(error.missing)).toEqual(['influence', 'decision']);
  });

  test('opening a draft whose closing time has passed is incomplete', () => {
    const error = thrown(
      () => changeStatus(demo({ status: 'draft' }), 'open', callers.lead, daysFrom(NOW, 31)),
      IncompleteError,
    );
    expect(paths(error.missing)).toEqual(['closesAt']);
  });

  test('an official of another committee may not change the status', () => {
    thrown(() => changeStatus(demo({ status: 'draft' }), 'open', callers.other, NOW), ForbiddenError);
  });

  test('an official of a participating committee may read but not manage: status change is forbidden', () => {
    thrown(() => changeStatus(demo({ status: 'open' }), 'closed', callers.participating, NOW), ForbiddenError);
  });

  test('an administrator may change the status of any committee’s dialogue', () => {
    expect(changeStatus(demo({ status: 'draft' }), 'open', callers.admin, NOW).status).toBe('open');
  });
});

describe('editDialogue', () => {
  const edit = (
    existing: ReturnType<typeof demo>,
    definition: DialogueDefinition,
    hasResponses: boolean,
    caller: Caller = callers.lead,
  ) =>
    editDialogue(
      hasResponses ? { ...existing, firstResponseAt: '2026-03-01T08:00:00.000Z' } : existing,
      definition,
      caller,
      ljungby,
      NOW,
    );
  const relabelFirstQuestion = (d: Mutable<DialogueDefinition>) =>
    (d.questions[0] = { ...d.questions[0]!, label: { sv: 'Vilket förslag är bäst?' } });

  test('changing a question once responses exist is a ConflictError (questions are locked)', () => {
    const error = thrown(() => edit(demo({ status: 'open' }), demoWith(relabelFirstQuestion), true), ConflictError);
    expect(error.message).toMatch(/locked/);
  });

  test('changing the alternatives or the profile questions once responses exist is locked as well', () => {
    const retitledAlternatives = demoWith((d) => {
      if (d.format.kind !== 'alternatives') throw new Error('fixture changed');
      d.format = {
        kind: 'alternatives',
        alternatives: d.format.alternatives.map((a) => ({ ...a, title: { sv: `${a.title.sv}!` } })),
      };
    });
    thrown(() => edit(demo({ status: 'open' }), retitledAlternatives, true), ConflictError);
    thrown(
      () =>
        edit(
          demo({ status: 'open' }),
          demoWith((d) => (d.profileQuestions = { relation: true, ageBand: false, locality: true })),
          true,
        ),
      ConflictError,
    );
  });

  test('with responses, a change that leaves the questions alone is allowed and bumps the version', () => {
    const edited = edit(
      demo({ status: 'open', version: 7 }),
      demoWith((d) => (d.caseNumber = 'TN2026/0143')),
      true,
    );
    expect(edited).toMatchObject({
      caseNumber: 'TN2026/0143',
      version: 8,
      updatedAt: NOW.toISOString(),
      status: 'open',
      id: demo().id,
    });
  });

  // The console re-posts a fetched dialogue, which the input schema rebuilds in schema key order, while the stored
  // one keeps the order it was written in (the seeded demo, or whatever DynamoDB hands back): same questions.
  test('with responses, re-posting the fetched dialogue with only the title changed is not a question change', () => {
    const stored = demo({ status: 'open' });
    const fetched = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
    const reposted = dialogueInputSchema.parse({
      ...fetched,
      title: { sv: 'Lekplatsen i Lagaparken', en: 'The Lagaparken playground' },
    });
    expect(edit(stored, reposted, true).title.sv).toBe('Lekplatsen i Lagaparken');
  });

  test('without responses the questions may change', () => {
    const edited = edit(demo({ status: 'open' }), demoWith(relabelFirstQuestion), false);
    expect(edited.questions[0]?.label.sv).toBe('Vilket förslag är bäst?');
  });

  test('a decided dialogue cannot be edited at all', () => {
    const error = thrown(
      () =>
        edit(
          demo({ status: 'decided' }),
          demoWith((d) => (d.caseNumber = 'TN2026/0143')),
          false,
        ),
      ConflictError,
    );
    expect(error.message).toMatch(/decided/);
  });

  test('an open dialogue cannot lose a policy field it needs to be open', () => {
    const error = thrown(
      () =>
        edit(
          demo({ status: 'open' }),
          demoWith((d) => delete d.feedbackPromise),
          false,
        ),
      IncompleteError,
    );
    expect(paths(error.missing)).toEqual(['feedbackPromise']);
  });

  test('a draft may be saved without a policy field it will need to open', () => {
    expect(() =>
      edit(
        demo({ status: 'draft' }),
        demoWith((d) => delete d.feedbackPromise),
        false,
      ),
    ).not.toThrow();
  });

  // An edit replaces the definition (PUT): merging it over the stored dialogue would keep a field left out.
  test('an optional field left out of the edited definition is cleared, not kept from before', () => {
    const edited = edit(
      demo({ status: 'draft' }),
      demoWith((d) => (delete d.feedbackPromise, delete d.caseNumber, delete d.opensAt)),
      false,
    );
    expect(edited).not.toHaveProperty('feedbackPromise');
    expect(edited).not.toHaveProperty('caseNumber');
    expect(edited).not.toHaveProperty('opensAt');
  });

  test('the edited dialogue keeps its server-managed fields', () => {
    const existing = demo({ status: 'open', openedAt: '2026-03-09T08:00:00.000Z' });
    const edited = edit(
      existing,
      demoWith((d) => (d.caseNumber = 'X1')),
      true,
    );
    expect(edited).toMatchObject({
      id: existing.id,
      status: 'open',
      createdAt: existing.createdAt,
      createdBy: existing.createdBy,
      responseShards: existing.responseShards,
      openedAt: existing.openedAt,
      // Dropping it would unlock the questions.
      firstResponseAt: '2026-03-01T08:00:00.000Z',
    });
  });

  test('a definition breaking a rule is a ValidationError even while a draft', () => {
    const error = thrown(
      () =>
        edit(
          demo({ status: 'draft' }),
          demoWith((d) => (d.leadCommittee = 'gatunamnden')),
          false,
          callers.admin,
        ),
      ValidationError,
    );
    expect(paths(error.issues)).toEqual(['leadCommittee']);
  });

  test('officials of other or merely participating committees may not edit', () => {
    const definition = demoWith((d) => (d.caseNumber = 'X1'));
    thrown(() => edit(demo(), definition, false, callers.other), ForbiddenError);
    thrown(() => edit(demo(), definition, false, callers.participating), ForbiddenError);
  });

  test('the lead may not hand the dialogue to a committee they do not belong to', () => {
    thrown(
      () =>
        edit(
          demo(),
          demoWith((d) => ((d.leadCommittee = 'socialnamnden'), (d.participatingCommittees = []))),
          false,
        ),
      ForbiddenError,
    );
  });
});

describe('closeIfDue', () => {
  test('an open dialogue whose closing time has passed is closed now', () => {
    const closed = closeIfDue(demo({ status: 'open', version: 4 }), daysFrom(NOW, 31));
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: daysFrom(NOW, 31).toISOString(),
      updatedAt: daysFrom(NOW, 31).toISOString(),
      version: 5,
    });
  });

  test('closing exactly at the closing time counts as due', () => {
    const dialogue = demo({ status: 'open' });
    expect(closeIfDue(dialogue, new Date(dialogue.closesAt!))?.status).toBe('closed');
  });

  test('an open dialogue before its closing time is left alone', () => {
    expect(closeIfDue(demo({ status: 'open' }), NOW)).toBeUndefined();
  });

  test.each(['draft', 'closed', 'decided'] as const)('a %s dialogue past its closing time is left alone', (status) => {
    expect(closeIfDue(demo({ status }), daysFrom(NOW, 31))).toBeUndefined();
  });

  test('an open dialogue without a closing time is never closed by the job', () => {
    expect(closeIfDue(asDialogue(demoWith((d) => delete d.closesAt)), daysFrom(NOW, 3650))).toBeUndefined();
  });
});

describe('isAcceptingResponses', () => {
  const dialogue = demo({ status: 'open' }); // opens NOW - 1 day, closes NOW + 30 days

  test('an open dialogue within its window accepts responses', () => {
    expect(isAcceptingResponses(dialogue, NOW)).toBe(true);
  });

  test('before opensAt it does not', () => {
    expect(isAcceptingResponses(dialogue, daysFrom(NOW, -2))).toBe(false);
  });

  test('at and after closesAt it does not', () => {
    expect(isAcceptingResponses(dialogue, new Date(dialogue.closesAt!))).toBe(false);
    expect(isAcceptingResponses(dialogue, daysFrom(NOW, 31))).toBe(false);
  });

  test.each(['draft', 'closed', 'decided'] as const)('a %s dialogue does not, even within its window', (status) => {
    expect(isAcceptingResponses(demo({ status }), NOW)).toBe(false);
  });

  test('an open dialogue without dates accepts responses', () => {
    expect(isAcceptingResponses(asDialogue(demoWith((d) => (delete d.opensAt, delete d.closesAt))), NOW)).toBe(true);
  });
});
