/**
 * The aggregation's pure core on hand-made responses to the demo dialogue: what `fold` keeps and what
 * `presentResults` makes of it for the public and for officials, and the CSV for the case file. No AWS.
 * Every expected number below is worked out by hand from the seven responses in `SEVEN`.
 */
import type { FreeTextModeration } from '../../shared/dialogue/moderation';
import { resultsCsv } from '../../shared/aggregation/csv';
import { type Audience, type ResultsBody, presentResults } from '../../shared/aggregation/present';
import { type FreeTexts, MAX_TEXTS_PER_QUESTION, officialResults } from '../../shared/aggregation/results';
import type { ResponseReader, StoredAggregate } from '../../shared/aggregation/run';
import { type StoredResponse, emptyState, fold } from '../../shared/aggregation/state';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import type { Dialogue } from '../../shared/dialogue/schema';
import type { AnswerValue, Profile } from '../../shared/responses/schema';
import { callers, demo } from './fixtures';

const PUBLIC: Audience = { kind: 'public', disclosureThreshold: 5 };
const OFFICIALS: Audience = { kind: 'officials' };
const UPDATED = '2026-03-12T09:00:00.000Z';

const response = (
  answers: Record<string, AnswerValue>,
  profile: Profile = {},
  receivedAt = '2026-03-10T10:00:00.000Z',
): StoredResponse => ({ receivedAt, answers, profile });

/**
 * Seven responses. Groups: ageBand:30-44 has exactly 5 respondents (#1 #2 #5 #6 #7), relation:lives and
 * locality:Lagan 4, everything else fewer. Reach (criteria: lives or visits, in Lagan): inside #1 #2 #6 #7,
 * outside #3 (works, Ljungby), unknown #4 (no profile) and #5 (visits, no locality).
 */
const SEVEN: StoredResponse[] = [
  response(
    {
      favourite: 'natur',
      ranking: ['natur', 'alla', 'aventyr'],
      important: ['shade', 'seating'],
      'rating-alla': 5,
      visits: true,
      comments: 'Fler bänkar',
    },
    { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
    '2026-03-10T08:00:00.000Z',
  ),
  // 23:30 UTC in March is 00:30 the next day in Sweden (CET, UTC+1).
  response(
    {
      favourite: 'alla',
      ranking: ['alla', 'natur', 'aventyr'],
      important: ['toddlers'],
      'rating-alla': 4,
      visits: false,
    },
    { relation: ['lives', 'works'], ageBand: '30-44', locality: 'Lagan' },
    '2026-03-10T23:30:00.000Z',
  ),
  response(
    { favourite: 'alla', ranking: ['alla', 'aventyr', 'natur'], 'rating-alla': 2, visits: true },
    { relation: ['works'], ageBand: '65-79', locality: 'Ljungby' },
    '2026-03-11T12:00:00.000Z',
  ),
  // 22:59 UTC is 23:59 Swedish time: still the 11th.
  response(
    { favourite: 'aventyr', important: ['shade'], visits: true, comments: 'Linbana!' },
    {},
    '2026-03-11T22:59:00.000Z',
  ),
  response(
    { favourite: 'alla', important: ['shade', 'toilet', 'lighting'], 'rating-alla': 5 },
    { relation: ['visits'], ageBand: '30-44' },
    '2026-03-12T06:00:00.000Z',
  ),
  response(
    { favourite: 'natur', 'rating-alla': 1, visits: false },
    { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
    '2026-03-12T07:00:00.000Z',
  ),
  response(
    { favourite: 'alla', important: ['seating'] },
    { relation: ['lives'], ageBand: '30-44', locality: 'Lagan' },
    '2026-03-12T08:00:00.000Z',
  ),
];

const closedDemo = (overrides: Partial<Dialogue> = {}): Dialogue =>
  demo({ status: 'closed', closedAt: '2026-03-20T12:00:00.000Z', ...overrides });
const foldAll = (responses: readonly StoredResponse[], dialogue: Dialogue = closedDemo()) =>
  fold(emptyState(), responses, dialogue);
const present = (
  responses: readonly StoredResponse[],
  audience: Audience = OFFICIALS,
  dialogue: Dialogue = closedDemo(),
): ResultsBody => presentResults(dialogue, foldAll(responses, dialogue), UPDATED, audience);

/** The result of one question, failing the test when it is missing. */
function question(results: ResultsBody, id: string) {
  const result = results.questions[id];
  if (!result) throw new Error(`no result for question ${id}`);
  return result;
}

describe('counts and shares of closed questions', () => {
  const results = present(SEVEN);

  it('counts a single-choice question per option id, zeros included, with one-decimal percentages of those who answered', () => {
    expect(question(results, 'favourite')).toMatchObject({
      type: 'single',
      answered: 7,
      skipped: 0,
      counts: { natur: 2, aventyr: 1, alla: 4 },
      percentages: { natur: 28.6, aventyr: 14.3, alla: 57.1 },
    });
  });

  it('lists an option nobody chose with count 0 and 0 %', () => {
    const favourite = question(present([response({ favourite: 'alla' })]), 'favourite');
    expect(favourite.counts).toEqual({ natur: 0, aventyr: 0, alla: 1 });
    expect(favourite.percentages).toEqual({ natur: 0, aventyr: 0, alla: 100 });
  });

  it('counts each choice of a multiple-choice question, shares of respondents (they may add up past 100 %)', () => {
    expect(question(results, 'important')).toMatchObject({
      answered: 5,
      skipped: 2,
      counts: { shade: 3, seating: 2, toddlers: 1, lighting: 1, toilet: 1 },
      percentages: { shade: 60, seating: 40, toddlers: 20, lighting: 20, toilet: 20 },
    });
  });

  it('counts yes/no under "true" and "false" (the contract’s keys)', () => {
    expect(question(results, 'visits')).toMatchObject({
      answered: 5,
      skipped: 2,
      counts: { true: 3, false: 2 },
      percentages: { true: 60, false: 40 },
    });
  });

  it('keys rating counts by the value, every step of the scale included', () => {
    expect(question(results, 'rating-alla').counts).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1, 5: 2 });
  });

  it('shows every question, even one nobody answered, with all respondents as skipped', () => {
    const only = present([response({ favourite: 'natur' }), response({ favourite: 'alla' })]);
    expect(Object.keys(only.questions)).toEqual([
      'favourite',
      'ranking',
      'important',
      'rating-alla',
      'visits',
      'comments',
    ]);
    expect(question(only, 'visits')).toMatchObject({
      answered: 0,
      skipped: 2,
      counts: { true: 0, false: 0 },
      percentages: { true: 0, false: 0 },
    });
  });
});

describe('rating mean and median', () => {
  const rating = (values: number[]) =>
    question(present(values.map((v) => response({ favourite: 'natur', 'rating-alla': v }))), 'rating-alla');

  it('gives the middle value as the median of an odd number of ratings, and the mean to two decimals', () => {
    expect(question(present(SEVEN), 'rating-alla')).toMatchObject({ answered: 5, mean: 3.4, median: 4 }); // 1 2 4 5 5
    expect(rating([1, 2, 5])).toMatchObject({ mean: 2.67, median: 2 });
  });

  it('averages the two middle values for an even number of ratings, also when they sit in different steps', () => {
    expect(rating([2, 4, 5, 5])).toMatchObject({ mean: 4, median: 4.5 });
    expect(rating([1, 1, 4, 5])).toMatchObject({ mean: 2.75, median: 2.5 });
    expect(rating([3, 3])).toMatchObject({ mean: 3, median: 3 });
  });

  it('has neither mean nor median when nobody rated', () => {
    const unrated = rating([]);
    expect(unrated.answered).toBe(0);
    expect(unrated).not.toHaveProperty('mean');
    expect(unrated).not.toHaveProperty('median');
  });
});

describe('ranking', () => {
  const ranking = question(present(SEVEN), 'ranking');

  it('counts first choices per ranked item, zeros included', () => {
    expect(ranking.firstChoices).toEqual({ natur: 1, aventyr: 0, alla: 2 });
  });

  it('gives each item’s mean rank (1 = first) over those who ranked, to two decimals', () => {
    // natur 1+2+3, alla 2+1+1, aventyr 3+3+2, over 3 rankings.
    expect(ranking.meanRank).toEqual({ natur: 2, aventyr: 2.67, alla: 1.33 });
  });

  it('gives Borda points: n−1 for first place down to 0 for last', () => {
    // 3 alternatives: 2, 1, 0 points.
    expect(ranking.borda).toEqual({ natur: 3, aventyr: 1, alla: 5 });
  });

  it('counts only those who ranked as answered, and has no per-value counts or breakdown', () => {
    expect(ranking).toMatchObject({ type: 'ranking', answered: 3, skipped: 4 });
    expect(ranking).not.toHaveProperty('counts');
    expect(ranking).not.toHaveProperty('byGroup');
  });
});

describe('free text', () => {
  it('reports only how many answered and skipped: no texts, counts or breakdown', () => {
    expect(question(present(SEVEN), 'comments')).toEqual({ type: 'text', answered: 2, skipped: 5 });
  });

  it('keeps no free text in the stored state (it is public via the aggregate)', () => {
    const state = JSON.stringify(foldAll(SEVEN));
    expect(state).not.toContain('Fler bänkar');
    expect(state).not.toContain('Linbana');
  });
});

describe('the alternatives compared', () => {
  it('combines votes (favourite), first choices, Borda and mean rank (ranking) and the mean rating that concerns each proposal', () => {
    expect(present(SEVEN).alternatives).toEqual([
      { id: 'natur', votes: 2, firstChoices: 1, borda: 3, meanRank: 2 },
      { id: 'aventyr', votes: 1, firstChoices: 0, borda: 1, meanRank: 2.67 },
      { id: 'alla', votes: 4, firstChoices: 2, borda: 5, meanRank: 1.33, ratingMean: 3.4 },
    ]);
  });

  it('is empty for a single-question dialogue', () => {
    const single = closedDemo({
      format: { kind: 'single-question' },
      questions: closedDemo().questions.filter((q) => q.type !== 'ranking'),
    });
    expect(presentResults(single, fold(emptyState(), SEVEN, single), UPDATED, OFFICIALS).alternatives).toEqual([]);
  });
});

describe('breakdowns by relation, age band and locality', () => {
  const officials = present(SEVEN, OFFICIALS);
  const publicResults = present(SEVEN, PUBLIC);

  it('has a cell per group with its respondents and counts (zeros included); a respondent with two relations is in both', () => {
    const favourite = question(officials, 'favourite').byGroup;
    expect(favourite).toEqual({
      'relation:lives': { respondents: 4, counts: { natur: 2, aventyr: 0, alla: 2 } },
      'relation:works': { respondents: 2, counts: { natur: 0, aventyr: 0, alla: 2 } },
      'relation:visits': { respondents: 1, counts: { natur: 0, aventyr: 0, alla: 1 } },
      'ageBand:30-44': { respondents: 5, counts: { natur: 2, aventyr: 0, alla: 3 } },
      'ageBand:65-79': { respondents: 1, counts: { natur: 0, aventyr: 0, alla: 1 } },
      'locality:Lagan': { respondents: 4, counts: { natur: 2, aventyr: 0, alla: 2 } },
      'locality:Ljungby': { respondents: 1, counts: { natur: 0, aventyr: 0, alla: 1 } },
    });
  });

  it('counts a cell’s respondents per question: only those in the group who answered it', () => {
    expect(question(officials, 'rating-alla').byGroup?.['ageBand:30-44']).toEqual({
      respondents: 4,
      counts: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 2 },
    });
  });

  it('suppresses public cells with fewer respondents than the threshold, and the next smallest beside a lone one', () => {
    const favourite = question(publicResults, 'favourite').byGroup;
    // 65–79 is the only small age band: shown, 30–44 would give it away as the total minus 30–44.
    expect(favourite?.['ageBand:30-44']).toEqual({ suppressed: true, complementary: true });
    for (const group of [
      'relation:lives',
      'relation:works',
      'relation:visits',
      'ageBand:65-79',
      'locality:Lagan',
      'locality:Ljungby',
    ]) {
      expect(favourite?.[group]).toEqual({ suppressed: true, fewerThan: 5 });
    }
    // The same group is shown for one question and hidden for another where fewer of it answered.
    expect(question(publicResults, 'rating-alla').byGroup?.['ageBand:30-44']).toEqual({
      suppressed: true,
      fewerThan: 5,
    });
  });

  it('never puts a suppressed group’s numbers anywhere in the public body', () => {
    const cells = Object.values(publicResults.questions).flatMap((q) => Object.values(q.byGroup ?? {}));
    const shapes = new Set(cells.filter((c) => 'suppressed' in c).map((c) => Object.keys(c).sort().join()));
    expect([...shapes].every((shape) => shape === 'fewerThan,suppressed' || shape === 'complementary,suppressed')).toBe(
      true,
    );
  });

  it('shows a group at the threshold when no lone small group beside it needs hiding', () => {
    const at1 = present(SEVEN, { kind: 'public', disclosureThreshold: 1 });
    expect(question(at1, 'favourite').byGroup?.['ageBand:30-44']).toEqual({
      respondents: 5,
      counts: { natur: 2, aventyr: 0, alla: 3 },
    });
  });

  it('suppresses small groups in the public respondents-per-group summary, not for officials', () => {
    expect(publicResults.respondentsByGroup).toEqual({
      'relation:lives': { suppressed: true, fewerThan: 5 },
      'relation:works': { suppressed: true, fewerThan: 5 },
      'relation:visits': { suppressed: true, fewerThan: 5 },
      'ageBand:30-44': { suppressed: true, complementary: true },
      'ageBand:65-79': { suppressed: true, fewerThan: 5 },
      'locality:Lagan': { suppressed: true, fewerThan: 5 },
      'locality:Ljungby': { suppressed: true, fewerThan: 5 },
    });
    expect(officials.respondentsByGroup).toEqual({
      'relation:lives': 4,
      'relation:works': 2,
      'relation:visits': 1,
      'ageBand:30-44': 5,
      'ageBand:65-79': 1,
      'locality:Lagan': 4,
      'locality:Ljungby': 1,
    });
  });

  it('follows the configured threshold', () => {
    const at2 = present(SEVEN, { kind: 'public', disclosureThreshold: 2 });
    expect(question(at2, 'favourite').byGroup?.['relation:lives']).toEqual({
      respondents: 4,
      counts: { natur: 2, aventyr: 0, alla: 2 },
    });
    expect(question(at2, 'favourite').byGroup?.['relation:visits']).toEqual({ suppressed: true, fewerThan: 2 });
    // The lone small relation takes the next smallest with it.
    expect(question(at2, 'favourite').byGroup?.['relation:works']).toEqual({ suppressed: true, complementary: true });
  });
});

describe('reach of the target group', () => {
  it('counts inside (every criterion met), outside (one not met) and unknown (a criterion not answered), and the share of those known', () => {
    expect(present(SEVEN).reach).toEqual({ inside: 4, outside: 1, unknown: 2, sharePercent: 80 });
  });

  it('treats any one matching relation as meeting the relation criterion, and any failing criterion as outside even when another is unknown', () => {
    const results = present([
      response({ favourite: 'natur' }, { relation: ['works', 'visits'], locality: 'Lagan' }), // inside
      response({ favourite: 'natur' }, { relation: ['works'] }), // outside: relation fails, locality unknown
      response({ favourite: 'natur' }, { locality: 'Ryssby' }), // outside: locality fails, relation unknown
      response({ favourite: 'natur' }, { relation: [], ageBand: '20-29' }), // unknown: an empty relation list says nothing
    ]);
    expect(results.reach).toEqual({ inside: 1, outside: 2, unknown: 1, sharePercent: 33.3 });
  });

  it('has no share when nobody gave the details', () => {
    expect(present([response({ favourite: 'natur' })]).reach).toEqual({
      inside: 0,
      outside: 0,
      unknown: 1,
      sharePercent: null,
    });
  });

  it('is left out for a dialogue without structured criteria', () => {
    const base = closedDemo();
    const vague = closedDemo({ targetGroup: { description: base.targetGroup?.description ?? { sv: 'Alla' } } });
    expect(presentResults(vague, fold(emptyState(), SEVEN, vague), UPDATED, OFFICIALS)).not.toHaveProperty('reach');
  });
});

describe('participation per day', () => {
  it('counts responses per Swedish calendar day, oldest first: 23:30 UTC in winter is the next day', () => {
    expect(present(SEVEN).participationPerDay).toEqual([
      { date: '2026-03-10', responses: 1 },
      { date: '2026-03-11', responses: 3 },
      { date: '2026-03-12', responses: 3 },
    ]);
  });

  it('follows summer time: 21:59 UTC in July is still the same day, 22:00 UTC the next', () => {
    const results = present([
      response({ favourite: 'natur' }, {}, '2026-07-10T22:00:00.000Z'),
      response({ favourite: 'natur' }, {}, '2026-07-10T21:59:00.000Z'),
    ]);
    expect(results.participationPerDay).toEqual([
      { date: '2026-07-10', responses: 1 },
      { date: '2026-07-11', responses: 1 },
    ]);
  });
});

describe('visibility', () => {
  const state = foldAll(SEVEN);
  const open = demo({ status: 'open', resultsVisibility: 'after-close' });

  it('hides everything but the response count from the public while an after-close dialogue is open, and says from when', () => {
    const hidden = presentResults(open, state, UPDATED, PUBLIC);
    expect(hidden).toEqual({
      dialogueId: open.id,
      status: 'open',
      responseCount: 7,
      byMethod: { web: 7, paper: 0, meeting: 0 },
      updatedAt: UPDATED,
      visibility: 'hidden',
      visibleFrom: open.closesAt,
      questions: {},
      alternatives: [],
      participationPerDay: [],
      respondentsByGroup: {},
    });
    expect(hidden).not.toHaveProperty('reach');
  });

  it('shows officials the full results of an open after-close dialogue', () => {
    const results = presentResults(open, state, UPDATED, OFFICIALS);
    expect(results.visibility).toBe('full');
    expect(question(results, 'favourite').counts).toEqual({ natur: 2, aventyr: 1, alla: 4 });
  });

  it('shows the public the results of an open dialogue with live results', () => {
    const results = presentResults(demo({ status: 'open', resultsVisibility: 'live' }), state, UPDATED, PUBLIC);
    expect(results.visibility).toBe('full');
    expect(question(results, 'favourite').counts).toEqual({ natur: 2, aventyr: 1, alla: 4 });
  });

  it('shows the public the results of an after-close dialogue once closed or decided', () => {
    for (const status of ['closed', 'decided'] as const) {
      expect(
        presentResults(demo({ status, resultsVisibility: 'after-close' }), state, UPDATED, PUBLIC).visibility,
      ).toBe('full');
    }
  });

  it('answers a dialogue with no aggregate yet with zero responses and no update time', () => {
    const results = presentResults(closedDemo(), emptyState(), null, PUBLIC);
    expect(results).toMatchObject({
      responseCount: 0,
      updatedAt: null,
      participationPerDay: [],
      respondentsByGroup: {},
    });
    expect(question(results, 'favourite')).toMatchObject({
      answered: 0,
      skipped: 0,
      counts: { natur: 0, aventyr: 0, alla: 0 },
    });
  });
});

/** Parses semicolon-separated, always-quoted CSV the way a spreadsheet program does (quotes doubled inside). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV for the case file', () => {
  const dialogue = closedDemo({ caseNumber: 'TN2026/0142' });
  const texts = [
    '=HYPERLINK("http://example.invalid")',
    '+46 70 123',
    '-1',
    '@SUM(A1)',
    'Semikolon; och "citat"',
    'rad ett\nrad två',
    'Vanlig text',
  ];
  const freeTexts: FreeTexts = {
    comments: {
      total: texts.length,
      publishable: 1,
      texts: texts.map((text, i) => ({ id: `0~t${i}`, text, state: i === 0 ? 'publishable' : 'hidden' })),
      truncated: false,
    },
  };
  const csv = resultsCsv(dialogue, { ...present(SEVEN, OFFICIALS, dialogue), freeTexts });
  const rows = parseCsv(csv.slice(1));

  it('starts with a UTF-8 BOM, separates with semicolons, ends lines with CRLF and quotes every cell', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[3]).toBe(
      '"avsnitt";"fråga";"frågans text";"grupp";"gruppens namn";"värde";"värdets namn";"antal";"andel %";"medel";"median"',
    );
    // Outside the quotes there is nothing but separators and line ends.
    expect(csv.slice(1).replace(/"(?:[^"]|"")*"/g, '')).toMatch(/^[;\r\n]*$/);
  });

  const FAVOURITE = ['favourite', 'Vilket förslag tycker du bäst om?'];
  const RATING = ['rating-alla', 'Hur bra är förslaget ”Lekplats för alla”?'];
  const RANKING = ['ranking', 'Rangordna förslagen, det bästa först.'];

  it('carries the dialogue, the counts, the shares and the rating mean and median, the time in Swedish time', () => {
    expect(rows[0]).toEqual(['dialog', dialogue.id, dialogue.title.sv, 'TN2026/0142']);
    // UPDATED is 09:00 UTC in March: 10:00 in Sweden (CET).
    expect(rows[1]).toEqual(['svar totalt', '7', 'uppdaterat', '2026-03-12 10:00']);
    expect(rows).toContainEqual(['fråga', ...FAVOURITE, 'alla', '', 'alla', 'Lekplats för alla', '4', '57,1', '', '']);
    expect(rows).toContainEqual(['fråga', ...RATING, 'alla', '', '5', 'Mycket bra', '2', '40', '3,4', '4']);
    expect(rows).toContainEqual(['rangordning bordapoäng', ...RANKING, 'alla', '', 'alla', 'Lekplats för alla', '5']);
    expect(rows).toContainEqual(['deltagande per dag', '', '', '', '', '2026-03-11', '', '3']);
    expect(rows).toContainEqual(['målgrupp nådd', '', '', '', '', 'inom/utanför/okänt', '', '4/1/2', '80']);
  });

  it('writes every decimal with a comma and no number with a point, as Swedish Excel reads numbers', () => {
    const numeric = rows
      .slice(1)
      .flatMap((r) => r.slice(7, 11))
      .filter((c) => /\d/.test(c));
    expect(numeric.filter((c) => c.includes(','))).toEqual(expect.arrayContaining(['57,1', '3,4']));
    expect(numeric.filter((c) => c.includes('.'))).toEqual([]);
    expect(numeric.every((c) => /^\d+(,\d+)?$/.test(c) || c === '4/1/2')).toBe(true);
    // Mean places are means: they go in the mean column, with a comma.
    expect(rows).toContainEqual([
      'rangordning medelplats',
      ...RANKING,
      'alla',
      '',
      'natur',
      'Naturlekplats',
      '',
      '',
      '2',
    ]);
    expect(rows).toContainEqual([
      'rangordning medelplats',
      ...RANKING,
      'alla',
      '',
      'aventyr',
      'Äventyrslekplats',
      '',
      '',
      '2,67',
    ]);
  });

  it('puts the Swedish label beside every option, alternative, yes/no value and group id', () => {
    expect(rows).toContainEqual(['fråga', ...FAVOURITE, 'alla', '', 'natur', 'Naturlekplats', '2', '28,6', '', '']);
    expect(rows).toContainEqual([
      'fråga',
      'visits',
      'Besöker du Lagaparken minst en gång i månaden?',
      'alla',
      '',
      'true',
      'ja',
      '3',
      '60',
      '',
      '',
    ]);
    expect(rows).toContainEqual(['fråga', ...RATING, 'alla', '', '1', 'Mycket dåligt', '1', '20', '3,4', '4']);
    expect(rows).toContainEqual(['fråga', ...RATING, 'alla', '', '3', '', '0', '0', '3,4', '4']);
    expect(rows).toContainEqual([
      'uppdelning',
      ...FAVOURITE,
      'relation:lives',
      'Jag bor här',
      'alla',
      'Lekplats för alla',
      '2',
    ]);
    expect(rows).toContainEqual([
      'uppdelning',
      ...FAVOURITE,
      'ageBand:30-44',
      '30–44 år',
      'natur',
      'Naturlekplats',
      '2',
    ]);
    expect(rows).toContainEqual(['uppdelning', ...FAVOURITE, 'locality:Lagan', 'Lagan', 'natur', 'Naturlekplats', '2']);
    expect(rows).toContainEqual(['förslag röster', '', '', '', '', 'alla', 'Lekplats för alla', '4']);
    // No id is left without its label where the dialogue has one.
    const unlabelled = rows.filter(
      (r) =>
        ['fråga', 'uppdelning', 'rangordning förstaval'].includes(r[0] ?? '') &&
        /^[a-z]/.test(r[5] ?? '') &&
        !['besvarad', 'hoppade över'].includes(r[5] ?? '') &&
        r[6] === '',
    );
    expect(unlabelled).toEqual([]);
  });

  it('keeps semicolons, quotes and line breaks inside a free text in one cell', () => {
    const comments = ['comments', 'Vill du lägga till något?'];
    expect(rows).toContainEqual(['fritext', ...comments, '', '', 'Semikolon; och "citat"', 'dold']);
    expect(rows).toContainEqual(['fritext', ...comments, '', '', 'rad ett\nrad två', 'dold']);
    expect(rows).toContainEqual(['fritext', ...comments, '', '', 'Vanlig text', 'dold']);
    expect(rows).toContainEqual([
      'fritext',
      ...comments,
      '',
      '',
      `'=HYPERLINK("http://example.invalid")`,
      'får publiceras',
    ]);
  });

  it('neutralises spreadsheet formulas: a text starting with = + - @ gets a leading apostrophe', () => {
    const fritext = rows.filter((r) => r[0] === 'fritext').map((r) => r[5]);
    expect(fritext).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://example.invalid")`, `'+46 70 123`, `'-1`, `'@SUM(A1)`]),
    );
    expect(fritext.filter((t) => /^[=+\-@]/.test(t ?? ''))).toEqual([]);
  });

  it('carries each alternative’s votes, first choices, Borda points and mean rating', () => {
    const alla = rows.filter((r) => r[0]?.startsWith('förslag') && r[5] === 'alla');
    expect(alla).toEqual([
      ['förslag röster', '', '', '', '', 'alla', 'Lekplats för alla', '4'],
      ['förslag förstaval', '', '', '', '', 'alla', 'Lekplats för alla', '2'],
      ['förslag bordapoäng', '', '', '', '', 'alla', 'Lekplats för alla', '5'],
      ['förslag medelplats', '', '', '', '', 'alla', 'Lekplats för alla', '', '', '1,33'],
      ['förslag medelbetyg', '', '', '', '', 'alla', 'Lekplats för alla', '', '', '3,4'],
    ]);
  });

  it('says "färre än 5" for a suppressed cell of public results and has no free texts without them', () => {
    const publicCsv = parseCsv(resultsCsv(dialogue, present(SEVEN, PUBLIC, dialogue)).slice(1));
    expect(publicCsv).toContainEqual(['uppdelning', ...FAVOURITE, 'relation:lives', 'Jag bor här', 'färre än 5']);
    expect(publicCsv).toContainEqual([
      'uppdelning',
      ...FAVOURITE,
      'ageBand:30-44',
      '30–44 år',
      'dold (skyddar en mindre grupp)',
    ]);
    expect(publicCsv.some((r) => r[0] === 'fritext')).toBe(false);
  });
});

describe('officials’ results (free texts only for the lead committee)', () => {
  const dialogue = closedDemo();
  const aggregate: StoredAggregate = {
    dialogueId: dialogue.id,
    version: 1,
    state: foldAll(SEVEN),
    watermarks: {},
    updatedAt: UPDATED,
    complete: true,
  };
  /** A reader over fixed shards, each oldest first, as the DynamoDB reader hands them out. */
  const readerOf = (shards: StoredResponse[][]): ResponseReader => ({
    async *read(_id, shard) {
      yield (shards[shard] ?? []).map((r, i) => ({ ...r, sortKey: `${r.receivedAt}#${i}` }));
    },
  });
  const depsWith = (shards: StoredResponse[][], d: Dialogue = dialogue) => ({
    dialogues: { get: async (id: string) => (id === d.id ? d : undefined) },
    aggregates: { get: async () => aggregate },
    disclosureThreshold: 5,
    responses: readerOf(shards),
    moderations: { list: async () => moderations },
  });
  let moderations: FreeTextModeration[] = [];
  const comment = (text: string, receivedAt: string) =>
    response({ favourite: 'natur', comments: text }, {}, receivedAt);

  it('gives the lead committee and an admin the unsuppressed results with every free text', async () => {
    for (const caller of [callers.lead, callers.admin]) {
      const { results } = await officialResults(
        depsWith([[SEVEN[0] as StoredResponse], [SEVEN[3] as StoredResponse]]),
        caller,
        dialogue.id,
      );
      expect(results.freeTexts).toEqual({
        comments: {
          total: 2,
          publishable: 0,
          texts: [
            { id: expect.stringMatching(/^0~/), text: 'Fler bänkar', state: 'hidden' },
            { id: expect.stringMatching(/^1~/), text: 'Linbana!', state: 'hidden' },
          ],
          truncated: false,
        },
      });
      expect(results.questions.favourite?.byGroup?.['relation:works']).toEqual({
        respondents: 2,
        counts: { natur: 0, aventyr: 0, alla: 2 },
      });
    }
  });

  it('gives a participating committee the same results without free texts', async () => {
    const { results } = await officialResults(depsWith([SEVEN]), callers.participating, dialogue.id);
    expect(results).not.toHaveProperty('freeTexts');
    expect(results.questions.favourite?.byGroup?.['relation:works']).toMatchObject({ respondents: 2 });
  });

  it('turns away another committee (ForbiddenError), and answers NotFoundError for a draft or an unknown id', async () => {
    await expect(officialResults(depsWith([SEVEN]), callers.other, dialogue.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(officialResults(depsWith([SEVEN]), callers.lead, 'finns-inte')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      officialResults(depsWith([SEVEN], demo({ status: 'draft' })), callers.lead, dialogue.id),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it(`keeps at most ${MAX_TEXTS_PER_QUESTION} texts per question, counts them all and says it truncated`, async () => {
    const many = Array.from({ length: MAX_TEXTS_PER_QUESTION + 3 }, (_, i) =>
      comment(`svar ${i}`, '2026-03-10T10:00:00.000Z'),
    );
    const { results } = await officialResults(depsWith([many]), callers.lead, dialogue.id);
    expect(results.freeTexts?.comments).toMatchObject({ total: MAX_TEXTS_PER_QUESTION + 3, truncated: true });
    expect(results.freeTexts?.comments?.texts).toHaveLength(MAX_TEXTS_PER_QUESTION);
  });

  it('lists the free texts in the order they arrived, across shards', async () => {
    const shards = [[comment('andra', '2026-03-11T10:00:00.000Z')], [comment('första', '2026-03-10T10:00:00.000Z')]];
    const { results } = await officialResults(depsWith(shards), callers.lead, dialogue.id);
    expect(results.freeTexts?.comments?.texts.map((t) => t.text)).toEqual(['första', 'andra']);
  });

  it('says which free texts an official marked publishable; every other one is hidden', async () => {
    const shards = [[comment('andra', '2026-03-11T10:00:00.000Z')], [comment('första', '2026-03-10T10:00:00.000Z')]];
    const listed = (await officialResults(depsWith(shards), callers.lead, dialogue.id)).results.freeTexts?.comments;
    const second = listed?.texts[1];
    if (!second) throw new Error('no second text');
    moderations = [
      {
        dialogueId: dialogue.id,
        questionId: 'comments',
        textId: second.id,
        state: 'publishable',
        text: 'andra',
        at: '',
        by: 'x',
      },
      {
        dialogueId: dialogue.id,
        questionId: 'other',
        textId: listed.texts[0]?.id ?? '',
        state: 'publishable',
        at: '',
        by: 'x',
      },
    ];
    try {
      const { results } = await officialResults(depsWith(shards), callers.lead, dialogue.id);
      expect(results.freeTexts?.comments?.publishable).toBe(1);
      expect(results.freeTexts?.comments?.texts.map((t) => [t.text, t.state])).toEqual([
        ['första', 'hidden'],
        ['andra', 'publishable'],
      ]);
    } finally {
      moderations = [];
    }
  });
});
