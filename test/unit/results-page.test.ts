/**
 * The public results page as HTML, without a browser: numbers and dates as each language writes them, the bars
 * with their labels and values, no inline styles (a strict Content-Security-Policy is coming), and the decision
 * said once, with an English reader told when it exists only in Swedish. Layout and axe run in Chromium
 * (test/browser/results.test.ts).
 */
import { type ResultsBody, presentResults } from '../../shared/aggregation/present';
import type { PublicDecision } from '../../shared/aggregation/results';
import { type StoredResponse, emptyState, fold } from '../../shared/aggregation/state';
import { publicDefinition } from '../../shared/dialogue/public-view';
import type { Dialogue } from '../../shared/dialogue/schema';
import { formatNumber, formatPercent } from '../../shared/messages/format';
import { ljungby } from '../../shared/municipality';
import { resultsPage } from '../../shared/presentation/results-page';
import { styles } from '../../shared/presentation/styles';
import { demo } from './fixtures';

const NBSP = '\u00a0';

/** Three responses: favourite natur 1, alla 2 (33.3 % / 66.7 %), ratings 4 and 5 (mean and median 4.5), three days. */
const RESPONSES: StoredResponse[] = [
  {
    receivedAt: '2026-12-02T10:00:00.000Z',
    answers: { favourite: 'natur', ranking: ['natur', 'alla', 'aventyr'], 'rating-alla': 4, visits: true },
    profile: {},
  },
  {
    receivedAt: '2026-12-03T10:00:00.000Z',
    answers: { favourite: 'alla', ranking: ['alla', 'aventyr', 'natur'], 'rating-alla': 5 },
    profile: {},
  },
  { receivedAt: '2026-12-04T10:00:00.000Z', answers: { favourite: 'alla' }, profile: {} },
];

const DECISION: PublicDecision = {
  summary: { sv: 'Nämnden väljer Lekplats för alla.', en: 'The committee chooses the Playground for everyone.' },
  motivation: { sv: 'Flest ville ha en lekplats för alla barn.', en: 'Most wanted a playground for every child.' },
  decidedAt: '2027-02-10',
  chosenAlternative: 'alla',
  registeredAt: '2027-02-11T08:00:00.000Z',
};

const closed = (overrides: Partial<Dialogue> = {}) =>
  demo({ status: 'closed', closedAt: '2026-12-20T12:00:00.000Z', ...overrides });

function page(lang: 'sv' | 'en', decision?: PublicDecision, dialogue: Dialogue = closed()): string {
  const results: ResultsBody = presentResults(
    dialogue,
    fold(emptyState(), RESPONSES, dialogue),
    '2026-12-21T09:00:00.000Z',
    { kind: 'public', disclosureThreshold: 5 },
  );
  return resultsPage(publicDefinition(dialogue, ljungby), { ...results, ...(decision ? { decision } : {}) }, lang, {
    switchLanguageHref: '/results/x',
  });
}

/** The text of the page's markup, tags dropped and white space folded (no-break spaces kept). */
const textOf = (markup: string): string =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \n\t]+/g, ' ')
    .trim();

/** The cells of each body row of the table captioned `caption`, as text. */
function rows(markup: string, caption: string): string[][] {
  const table = [...markup.matchAll(/<table>([\s\S]*?)<\/table>/g)]
    .map((m) => m[1] as string)
    .find((t) => textOf(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '') === caption);
  if (!table) throw new Error(`no table captioned ${caption}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1] as string)),
  );
}

/** The bars' items: label, value and the fill's width attribute. */
const bars = (markup: string) =>
  [
    ...markup.matchAll(
      /<li>\s*<span class="md-bar-label">([\s\S]*?)<\/span>\s*<span class="md-bar-value">([\s\S]*?)<\/span>[\s\S]*?class="md-bar-fill"\s+width="([^"]+)"/g,
    ),
  ].map((m) => ({ label: textOf(m[1] as string), value: textOf(m[2] as string), width: m[3] }));

/** The page's content, inside <main>: what results-page.ts writes. */
const main = (markup: string): string => /<main[^>]*>([\s\S]*)<\/main>/.exec(markup)?.[1] ?? '';

describe('numbers and dates as the reader writes them', () => {
  it('formats through Intl: Swedish decimal comma and a no-break space before %, English point and no space', () => {
    expect(formatPercent(33.3, 'sv')).toBe(`33,3${NBSP}%`);
    expect(formatPercent(33.3, 'en')).toBe('33.3%');
    expect(formatPercent(50, 'sv')).toBe(`50${NBSP}%`);
    expect(formatNumber(2.67, 'sv')).toBe('2,67');
    expect(formatNumber(2.67, 'en')).toBe('2.67');
    expect(formatNumber(12345, 'sv')).toBe(`12${NBSP}345`);
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });

  it('in Swedish: shares `33,3 %`, mean and median `4,5`, mean places `2,5`, days `2 december 2026`', () => {
    const sv = page('sv');
    expect(rows(sv, 'Vilket förslag tycker du bäst om?')).toEqual([
      ['Naturlekplats', '1', `33,3${NBSP}%`],
      ['Äventyrslekplats', '0', `0${NBSP}%`],
      ['Lekplats för alla', '2', `66,7${NBSP}%`],
    ]);
    expect(textOf(sv)).toContain('Medelvärde 4,5. Median 4,5.');
    expect(rows(sv, 'Rangordna förslagen, det bästa först.')).toContainEqual(['Äventyrslekplats', '0', '2,5', '1']);
    expect(rows(sv, 'Förslagen jämförda')).toContainEqual(['Lekplats för alla', '2', '1', '3', '4,5']);
    expect(rows(sv, 'Deltagande per dag')).toEqual([
      ['2 december 2026', '1'],
      ['3 december 2026', '1'],
      ['4 december 2026', '1'],
    ]);
    expect(textOf(main(sv))).not.toMatch(/\d\.\d/);
    expect(sv).not.toContain('2026-12-02');
  });

  it('in English: shares `33.3%`, mean `4.5`, days `2 December 2026`', () => {
    const en = page('en');
    expect(rows(en, 'Which proposal do you like best?')).toContainEqual(['Nature playground', '1', '33.3%']);
    expect(textOf(en)).toContain('Mean 4.5. Median 4.5.');
    expect(rows(en, 'Participation per day')).toContainEqual(['2 December 2026', '1']);
    expect(rows(en, 'The proposals compared')).toContainEqual(['Playground for everyone', '2', '1', '3', '4.5']);
  });
});

describe('bars', () => {
  it('carry each value’s label, share and count as text, and a fill as long as the share', () => {
    expect(bars(page('sv')).slice(0, 3)).toEqual([
      { label: 'Naturlekplats', value: `33,3${NBSP}% (1 svar)`, width: '33.3%' },
      { label: 'Äventyrslekplats', value: `0${NBSP}% (0 svar)`, width: '0%' },
      { label: 'Lekplats för alla', value: `66,7${NBSP}% (2 svar)`, width: '66.7%' },
    ]);
    expect(bars(page('en'))).toContainEqual({ label: 'Yes', value: '100% (1 answer)', width: '100%' });
    expect(bars(page('en'))).toContainEqual({ label: '5 – Very good', value: '50% (1 answer)', width: '50%' });
  });

  it('are hidden from assistive technology as a whole, since the table below says exactly the same', () => {
    const sv = page('sv');
    expect(sv.match(/<ul class="md-bars"[^>]*>/g)).toEqual(Array(4).fill('<ul class="md-bars" aria-hidden="true">'));
  });

  it('come with no inline style: no style attribute and no <style> element in the page’s content', () => {
    for (const markup of [page('sv'), page('en', DECISION)]) {
      expect(main(markup)).not.toMatch(/<style|\sstyle=/);
      expect(main(markup)).toContain('md-bar-fill');
    }
  });

  it('take their look and the tables’ from the shared stylesheet, with the scroll shadows of a wide table', () => {
    for (const rule of ['.md-table{', '.md-root caption{', '.md-bars li{', '.md-bar-fill{', '.md-decision{'])
      expect(styles).toContain(rule);
    expect(styles).toMatch(/\.md-table\{[^}]*overflow-x:auto[^}]*local[^}]*radial-gradient/);
  });
});

describe('the decision', () => {
  const decisionOf = (markup: string) =>
    textOf(/<section class="md-decision"[\s\S]*?<\/section>/.exec(markup)?.[0] ?? '');

  it('is said once: a summary that names the chosen proposal gets no "Valt förslag" line repeating it', () => {
    const sv = decisionOf(page('sv', DECISION, closed({ status: 'decided' })));
    expect(sv).toContain('Nämnden väljer Lekplats för alla.');
    expect(sv.split('Lekplats för alla')).toHaveLength(2);
    expect(sv).not.toContain('Valt förslag');
  });

  it('names the chosen proposal in a line of its own when the summary does not', () => {
    const sv = decisionOf(page('sv', { ...DECISION, summary: { sv: 'Nämnden bygger den nya lekplatsen 2027.' } }));
    expect(sv).toContain('Valt förslag: Lekplats för alla');
    expect(sv.split('Lekplats för alla')).toHaveLength(2);
  });

  it('in English, says when it exists only in Swedish, and marks the Swedish text lang="sv"', () => {
    const swedish = { ...DECISION, summary: { sv: DECISION.summary.sv }, motivation: { sv: DECISION.motivation.sv } };
    const en = page('en', swedish);
    expect(decisionOf(en)).toContain('The decision is available in Swedish only; here it is in Swedish.');
    expect(decisionOf(en)).toContain('Motivation (in Swedish)');
    expect(en).toContain('<span lang="sv">Nämnden väljer Lekplats för alla.</span>');
    expect(en).toContain('<span lang="sv">Flest ville ha en lekplats för alla barn.</span>');
    // The Swedish summary does not name the English title, so the English reader gets the chosen proposal too.
    expect(decisionOf(en)).toContain('Chosen proposal: Playground for everyone');
    expect(decisionOf(page('en', DECISION))).not.toContain('Swedish only');
    expect(decisionOf(page('sv', swedish))).not.toContain('bara på svenska');
  });
});
