/**
 * The shipped accessibility statement template (docs/tillganglighetsredogorelse.md) holds everything Digg's
 * template asks for under lagen (2018:1937) and MDFFS 2019:2, in Digg's order. Its opening comment only instructs
 * the municipality, so it is left out: a required item that survives only there is missing from the statement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const statement = readFileSync(join(__dirname, '../../docs/tillganglighetsredogorelse.md'), 'utf8').replace(
  /<!--[\s\S]*?-->/g,
  '',
);

interface Section {
  level: number;
  title: string;
  /** Everything under the heading, subsections included, whitespace collapsed (sentences wrap across lines). */
  text: string;
  /** The text before the first subsection. */
  own: string;
  /** Titles of the headings one level down. */
  children: string[];
}

const collapse = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ').trim();

function sectionsOf(markdown: string): Section[] {
  const lines = markdown.split('\n');
  const headings = lines.flatMap((line, at) => {
    const match = /^(#{1,6}) (.+)$/.exec(line);
    return match?.[1] && match[2] ? [{ level: match[1].length, title: match[2].trim(), at }] : [];
  });
  return headings.map((heading, i) => {
    const later = headings.slice(i + 1);
    const end = later.find((h) => h.level <= heading.level)?.at ?? lines.length;
    const inside = later.filter((h) => h.at < end);
    return {
      level: heading.level,
      title: heading.title,
      text: collapse(lines.slice(heading.at + 1, end)),
      own: collapse(lines.slice(heading.at + 1, inside[0]?.at ?? end)),
      children: inside.filter((h) => h.level === heading.level + 1).map((h) => h.title),
    };
  });
}

const sections = sectionsOf(statement);

function section(title: string): Section {
  const found = sections.filter((s) => s.title === title);
  if (found.length !== 1) throw new Error(`expected one heading "${title}", found ${found.length}`);
  return found[0] as Section;
}

/** Digg's sections of a statement, with "tjänsten" for "webbplatsen": Medborgardialog is an e-service. */
const DIGG_SECTIONS = [
  'Hur tillgänglig är tjänsten?',
  'Vad kan du göra om du inte kan använda delar av tjänsten?',
  'Rapportera brister i tjänstens tillgänglighet',
  'Tillsyn',
  'Teknisk information om tjänstens tillgänglighet',
  'Hur vi testat tjänsten',
];

/** The user situations Digg recommends listing problems by, in its order. */
const USER_SITUATIONS = [
  'Användning utan synförmåga',
  'Användning med nedsatt syn',
  'Användning med nedsatt färgseende',
  'Användning utan hörsel',
  'Användning med nedsatt hörsel',
  'Användning utan röstförmåga',
  'Användning med nedsatt finmotorik eller styrka',
  'Användning med nedsatt rörlighet',
  'Användning med känslighet för flimmer',
  'Användning med kognitiv nedsättning',
];

const LAW = 'lagen om tillgänglighet till digital offentlig service';
const COMPLIANCE = `Medborgardialog är {helt förenlig | delvis förenlig | inte förenlig} med ${LAW}`;
const RESPONSE_TIME = 'Vi svarar normalt inom {<antal>} arbetsdagar.';

describe('the accessibility statement template', () => {
  it('names the public body and the digital service in its one top heading', () => {
    expect(sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual([
      'Tillgänglighet för Medborgardialog i {Ljungby kommun}',
    ]);
  });

  it('has Digg’s sections in Digg’s order', () => {
    expect(sections.filter((s) => s.level === 2).map((s) => s.title)).toEqual(DIGG_SECTIONS);
  });

  it.each(['Hur tillgänglig är tjänsten?', 'Teknisk information om tjänstens tillgänglighet'])(
    'states the compliance with the law in Digg’s three wordings, helt, delvis or inte förenlig, under "%s"',
    (title) => {
      expect(section(title).own).toContain(COMPLIANCE);
    },
  );

  it('lists the inaccessible content by the three reasons: failures to comply, undue burden (12 §), outside the law (9 §)', () => {
    expect(section('Teknisk information om tjänstens tillgänglighet').children).toEqual([
      'Innehåll som inte är tillgängligt',
    ]);
    expect(section('Innehåll som inte är tillgängligt').children).toEqual([
      'Bristande förenlighet med lagkraven',
      'Oskäligt betungande anpassning',
      'Innehåll som inte omfattas av lagkraven',
    ]);
    expect(section('Bristande förenlighet med lagkraven').own).toContain('vilket krav i WCAG 2.1 den gäller');
    expect(section('Oskäligt betungande anpassning').text).toContain(`12 § ${LAW}`);
    expect(section('Innehåll som inte omfattas av lagkraven').text).toContain(`9 § ${LAW}`);
  });

  it('describes the known state for each of Digg’s user situations, under the failures to comply', () => {
    expect(section('Bristande förenlighet med lagkraven').children).toEqual(USER_SITUATIONS);
    for (const situation of USER_SITUATIONS) expect(section(situation).text).toMatch(/^- \S/);
  });

  it.each([
    'Senaste bedömningen gjordes den {<ÅÅÅÅ-MM-DD>}.',
    'Tjänsten publicerades den {<ÅÅÅÅ-MM-DD>}.',
    'Redogörelsen upprättades den {<ÅÅÅÅ-MM-DD>}.',
    'Redogörelsen uppdaterades senast den {<ÅÅÅÅ-MM-DD>}.',
  ])('dates the assessment and the statement: "%s"', (date) => {
    expect(section('Hur vi testat tjänsten').own).toContain(date);
  });

  it('names the method of assessment, self-assessment and an optional external review, and says what is untested', () => {
    const method = section('Hur vi testat tjänsten');
    expect(method.own).toContain('Vi har gjort en självskattning (intern testning) av Medborgardialog.');
    expect(method.own).toContain('[Tjänsten har också granskats av en extern part');
    expect(method.own).toMatch(/Det här har vi inte testat: - \S/);
  });

  it('gives the feedback function: how to report a problem, with contact details and the expected response time', () => {
    const report = section('Rapportera brister i tjänstens tillgänglighet').text;
    for (const contact of ['kontaktformulär: {<', 'e-post: {<', 'telefon: {<']) expect(report).toContain(contact);
    expect(report).toContain(RESPONSE_TIME);
  });

  it('lets a user ask for content in an accessible form, exempted content too (15 §), with contact details and the response time', () => {
    const request = section('Vad kan du göra om du inte kan använda delar av tjänsten?').text;
    expect(request).toContain('kan du begära det av oss');
    expect(request).toContain('undantaget från lagens krav');
    for (const contact of ['e-post: {<', 'telefon: {<']) expect(request).toContain(contact);
    expect(request).toContain(RESPONSE_TIME);
  });

  it('says Digg supervises the law and links to Digg’s reporting service', () => {
    const supervision = section('Tillsyn').text;
    expect(supervision).toContain('Myndigheten för digital förvaltning (Digg)');
    expect(supervision).toContain('https://www.digg.se/tdosanmalan');
  });
});
