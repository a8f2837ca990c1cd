/**
 * The feedback email's parts, without I/O: unsubscribe tokens, the MIME message, the pacer that keeps the SES send
 * rate, and the email's text in Swedish and English.
 */
import * as fc from 'fast-check';
import { publicDefinition } from '../../shared/dialogue/public-view';
import { presentResults } from '../../shared/aggregation/present';
import { type StoredResponse, emptyState, fold } from '../../shared/aggregation/state';
import type { DecisionRecord } from '../../shared/decision/schema';
import type { Dialogue } from '../../shared/dialogue/schema';
import { feedbackEmail } from '../../shared/presentation/feedback-email';
import { mimeMessage } from '../../shared/mail/mime';
import { pacer } from '../../shared/mail/pacer';
import type { SigningKeys } from '../../shared/mail/signed';
import { unsubscribeToken, verifyUnsubscribeToken } from '../../shared/mail/unsubscribe-token';
import { ljungby } from '../../shared/municipality';
import { ratingToken, verifyRatingToken } from '../../shared/rating/token';
import { emailHash } from '../../shared/responses/submit';
import { busiestWindow } from '../support/counting';
import { parseMime } from '../support/mime';
import { demo } from './fixtures';

const KEYS = { current: 'unit-test-unsubscribe-secret-0123456789' };
const DIALOGUE_ID = 'lekplatsen-3f9a';
const HASH = emailHash(DIALOGUE_ID, 'anna@example.se');

describe('unsubscribe tokens', () => {
  it('name the dialogue and the address hash they were made for', () => {
    const token = unsubscribeToken(KEYS, DIALOGUE_ID, HASH);
    expect(token.startsWith(`${DIALOGUE_ID}.${HASH}.`)).toBe(true);
    expect(verifyUnsubscribeToken(KEYS, token)).toEqual({ dialogueId: DIALOGUE_ID, emailHash: HASH });
  });

  it('round-trip for any dialogue id and address hash', () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/);
    const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
    fc.assert(
      fc.property(slug, hash, (dialogueId, emailHashValue) => {
        expect(verifyUnsubscribeToken(KEYS, unsubscribeToken(KEYS, dialogueId, emailHashValue))).toEqual({
          dialogueId,
          emailHash: emailHashValue,
        });
      }),
    );
  });

  it('signed with another secret verify to nothing', () => {
    expect(
      verifyUnsubscribeToken(
        KEYS,
        unsubscribeToken({ current: 'another-secret-0123456789abcdefghij' }, DIALOGUE_ID, HASH),
      ),
    ).toBeUndefined();
  });

  it('with any one character changed verify to nothing', () => {
    const token = unsubscribeToken(KEYS, DIALOGUE_ID, HASH);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (at, replacement) => {
        fc.pre(token[at] !== replacement);
        expect(
          verifyUnsubscribeToken(KEYS, `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`),
        ).toBeUndefined();
      }),
    );
  });

  it('that name another contact or dialogue with a copied signature verify to nothing', () => {
    const signature = unsubscribeToken(KEYS, DIALOGUE_ID, HASH).split('.')[2];
    expect(
      verifyUnsubscribeToken(KEYS, `${DIALOGUE_ID}.${emailHash(DIALOGUE_ID, 'bob@example.se')}.${signature}`),
    ).toBeUndefined();
    expect(verifyUnsubscribeToken(KEYS, `annan-dialog.${HASH}.${signature}`)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['one part', DIALOGUE_ID],
    ['no signature', `${DIALOGUE_ID}.${HASH}`],
    ['an extra part', `${unsubscribeToken(KEYS, DIALOGUE_ID, HASH)}.extra`],
    ['a padded signature', `${unsubscribeToken(KEYS, DIALOGUE_ID, HASH)}=`],
    ['an upper-case hash', unsubscribeToken(KEYS, DIALOGUE_ID, HASH).replace(HASH, HASH.toUpperCase())],
    ['a short hash', `${DIALOGUE_ID}.${HASH.slice(0, 40)}.${unsubscribeToken(KEYS, DIALOGUE_ID, HASH).split('.')[2]}`],
    ['surrounding spaces', ` ${unsubscribeToken(KEYS, DIALOGUE_ID, HASH)} `],
    ['a percent-encoded dot', unsubscribeToken(KEYS, DIALOGUE_ID, HASH).replace('.', '%2E')],
    ['a dialogue id starting with a dash', unsubscribeToken(KEYS, '-lekplatsen', HASH)],
  ])('that are malformed (%s) verify to nothing', (_name, token) => {
    expect(verifyUnsubscribeToken(KEYS, token)).toBeUndefined();
  });
});

const BEFORE: SigningKeys = { current: 'unit-test-key-before-the-rotation-0123456789' };
const ROTATED: SigningKeys = { current: 'unit-test-key-after-the-rotation-0123456789ab', previous: BEFORE.current };
const NEXT_ROTATION: SigningKeys = {
  current: 'unit-test-key-after-the-next-rotation-012345',
  previous: ROTATED.current,
};

type Mint = (keys: SigningKeys, dialogueId: string, emailHash: string) => string;
type Verify = (keys: SigningKeys, token: string) => object | undefined;

describe.each<[string, Mint, Verify]>([
  ['unsubscribe', unsubscribeToken, verifyUnsubscribeToken],
  ['rating', ratingToken, verifyRatingToken],
])('%s links across a key rotation', (_kind, mint, verify) => {
  const sentBefore = mint(BEFORE, DIALOGUE_ID, HASH);
  const sentAfter = mint(ROTATED, DIALOGUE_ID, HASH);

  it('a link signed before the rotation names the same contact while its key is the previous one', () => {
    expect(verify(ROTATED, sentBefore)).toEqual(verify(BEFORE, sentBefore));
    expect(verify(ROTATED, sentBefore)).toBeDefined();
  });

  it('that link fails once its key is neither current nor previous (the next rotation)', () => {
    expect(verify({ current: ROTATED.current }, sentBefore)).toBeUndefined();
    expect(verify(NEXT_ROTATION, sentBefore)).toBeUndefined();
  });

  it('new links are signed with the current key: they verify with it alone, not with the previous one', () => {
    expect(verify({ current: ROTATED.current }, sentAfter)).toBeDefined();
    expect(verify(BEFORE, sentAfter)).toBeUndefined();
  });

  it('a tampered link verifies with neither key', () => {
    for (const token of [sentBefore, sentAfter]) {
      const signatureAt = token.lastIndexOf('.') + 5;
      const flipped = token[signatureAt] === 'A' ? 'B' : 'A';
      expect(
        verify(ROTATED, `${token.slice(0, signatureAt)}${flipped}${token.slice(signatureAt + 1)}`),
      ).toBeUndefined();
      expect(verify(ROTATED, token.replace(DIALOGUE_ID, 'annan-dialog'))).toBeUndefined();
    }
  });
});

describe('mimeMessage', () => {
  const DATE = new Date('2026-05-12T10:00:00.000Z');
  const UNSUBSCRIBE = 'https://dialog.ljungby.se/unsubscribe?token=abc';
  const message = {
    from: 'Ljungby kommun <medborgardialog@ljungby.se>',
    to: 'anna@example.se',
    replyTo: 'kommun@ljungby.se',
    subject: 'Resultat och beslut: Äventyrslek på Ågatan',
    text: 'Hej!\nTack för att du deltog. Åäö och “citat”.',
    html: '<p>Hej! Åäö</p>',
    language: 'sv',
    headers: { 'List-Unsubscribe': `<${UNSUBSCRIBE}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
  const raw = mimeMessage(message, DATE);
  const parsed = parseMime(raw);
  const encodedWords = (value: string) => [...value.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g)].map((m) => m[0]);
  const decodeWords = (value: string) =>
    [...value.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g)]
      .map((m) => Buffer.from(m[1] as string, 'base64').toString('utf8'))
      .join('');

  it('encodes a Swedish subject as RFC 2047 UTF-8 base64 encoded-words that decode back to it', () => {
    const subject = parsed.headers.subject ?? '';
    expect(subject).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=( =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=)*$/);
    expect(decodeWords(subject)).toBe(message.subject);
  });

  it('leaves a plain ASCII subject as it is', () => {
    expect(
      parseMime(mimeMessage({ ...message, subject: 'Result and decision: Lagaparken' }, DATE)).headers.subject,
    ).toBe('Result and decision: Lagaparken');
  });

  it('cannot be made to carry extra headers through the subject', () => {
    const injected = mimeMessage({ ...message, subject: 'Hej\r\nBcc: someone@example.com' }, DATE);
    const headerLines = injected.slice(0, injected.indexOf('\r\n\r\n')).split('\r\n');
    expect(headerLines.some((line) => /^bcc:/i.test(line))).toBe(false);
    expect(decodeWords(parseMime(injected).headers.subject ?? '')).toBe('Hej\r\nBcc: someone@example.com');
  });

  it('carries the addresses, date, language, MIME version and the RFC 8058 one-click unsubscribe headers', () => {
    expect(parsed.headers).toMatchObject({
      from: message.from,
      to: message.to,
      'reply-to': message.replyTo,
      date: 'Tue, 12 May 2026 10:00:00 GMT',
      'content-language': 'sv',
      'mime-version': '1.0',
      'list-unsubscribe': `<${UNSUBSCRIBE}>`,
      'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
    });
    expect(parsed.headers['content-type']).toMatch(/^multipart\/alternative; boundary="[^"]+"$/);
  });

  it('has no Reply-To when none is given', () => {
    const { replyTo: _replyTo, ...withoutReplyTo } = message;
    expect(parseMime(mimeMessage(withoutReplyTo, DATE)).headers).not.toHaveProperty('reply-to');
  });

  it('has a plain-text and an HTML part, both UTF-8 in base64, that decode to exactly the text and the HTML', () => {
    expect(parsed.parts.map((p) => p.headers)).toEqual([
      { 'content-type': 'text/plain; charset=UTF-8', 'content-transfer-encoding': 'base64' },
      { 'content-type': 'text/html; charset=UTF-8', 'content-transfer-encoding': 'base64' },
    ]);
    expect(parsed.parts.map((p) => p.body)).toEqual([message.text, message.html]);
  });

  it('uses CRLF line ends only, base64 lines of at most 76 characters and ends with the closing boundary', () => {
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const boundary = /boundary="([^"]+)"/.exec(parsed.headers['content-type'] ?? '')?.[1];
    expect(raw.endsWith(`--${boundary}--\r\n`)).toBe(true);
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).split('\r\n');
    for (const line of body.filter((l) => /^[A-Za-z0-9+/=]+$/.test(l))) expect(line.length).toBeLessThanOrEqual(76);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('gives every message its own boundary', () => {
    const boundary = (m: string) => /boundary="([^"]+)"/.exec(m)?.[1];
    expect(boundary(mimeMessage(message, DATE))).not.toBe(boundary(mimeMessage(message, DATE)));
  });

  // RFC 2047 section 2: "An 'encoded-word' may not be more than 75 characters long"; longer text takes several
  // encoded-words (folded onto continuation lines), each holding whole UTF-8 characters. mime.ts writes one word.
  it('splits a long Swedish subject into encoded-words of at most 75 characters (RFC 2047)', () => {
    const long = {
      ...message,
      subject: 'Resultat och beslut: Lekplatsen vid Lagaparken i Lagan – så blir den nya lekplatsen för alla åldrar',
    };
    const subject = parseMime(mimeMessage(long, DATE)).headers.subject ?? '';
    expect(decodeWords(subject)).toBe(long.subject);
    for (const word of encodedWords(subject)) expect(word.length).toBeLessThanOrEqual(75);
  });
});

/** Virtual time for the pacer: `sleep` parks a timer, `drive` fires them in order until nothing is left. */
function virtualTime(lateBy: (n: number) => number = () => 0) {
  let now = 0;
  let sleeps = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
    sleep: (ms: number) => new Promise<void>((fire) => timers.push({ at: now + ms + lateBy(sleeps++), fire })),
    sleeps: () => sleeps,
    async drive(): Promise<void> {
      for (;;) {
        await settle();
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift() as { at: number; fire: () => void };
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}

describe('pacer', () => {
  async function serialStarts(rate: number, count: number, time = virtualTime()): Promise<number[]> {
    const pace = pacer(rate, time.now, time.sleep);
    const starts: number[] = [];
    const caller = (async () => {
      for (let i = 0; i < count; i++) {
        await pace(() => starts.push(time.now()));
      }
    })();
    await time.drive();
    await caller;
    return starts;
  }

  const gaps = (starts: readonly number[]) => starts.slice(1).map((t, i) => t - (starts[i] as number));

  it('lets the first start go at once and spaces the rest at least 1/rate apart, and not much more', async () => {
    const starts = await serialStarts(20, 100);
    expect(starts[0]).toBe(0);
    for (const gap of gaps(starts)) {
      expect(gap).toBeGreaterThanOrEqual(50);
      expect(gap).toBeLessThanOrEqual(52.5);
    }
  });

  it.each([1, 14, 20, 50])(
    'never lets more than %i starts into any one-second window (one caller after another), yet keeps the pace',
    async (rate) => {
      const starts = await serialStarts(rate, rate * 4 + 3);
      expect(busiestWindow(starts)).toBeLessThanOrEqual(rate);
      expect(busiestWindow(starts)).toBeGreaterThanOrEqual(rate - 1);
    },
  );

  it('never lets more than `rate` starts into any one-second window when many callers wait at once', async () => {
    const time = virtualTime();
    const pace = pacer(20, time.now, time.sleep);
    const starts: number[] = [];
    const callers = Promise.all(
      Array.from({ length: 90 }, async () => {
        await pace(() => starts.push(time.now()));
      }),
    );
    await time.drive();
    await callers;
    expect(starts).toHaveLength(90);
    expect(busiestWindow(starts)).toBeLessThanOrEqual(20);
  });

  it('saves up no burst over a pause: after idling, starts are still spaced', async () => {
    const time = virtualTime();
    const pace = pacer(20, time.now, time.sleep);
    const starts: number[] = [];
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await pace(() => starts.push(time.now()));
      }
    };
    let caller = run(10);
    await time.drive();
    await caller;
    time.advance(5_000);
    caller = run(45);
    await time.drive();
    await caller;
    expect(busiestWindow(starts)).toBeLessThanOrEqual(20);
    expect(starts[10]).toBe((starts[9] as number) + 5_000);
  });

  it('timers that fire late are made up within the window, at no more than twice the pace: the rate holds, and no window holds more', async () => {
    // Real timers never fire early but often late, by varying amounts: 102 ms in every seven sleeps here. A pacer
    // that spaced each start from the one before would lose all of it (about 0.78 of the rate).
    const time = virtualTime((n) => [0, 37, 3, 0, 12, 49, 1][n % 7] as number);
    const starts = await serialStarts(20, 120, time);
    expect(busiestWindow(starts)).toBeLessThanOrEqual(20);
    expect(gaps(starts).every((gap) => gap >= 25 * 1.005 - 1e-9)).toBe(true);
    const rate = (starts.length - 1) / (((starts.at(-1) as number) - (starts[0] as number)) / 1000);
    expect(rate).toBeGreaterThanOrEqual(0.95 * 20);
  });

  it('after a stall (a GC pause, a busy CPU) it sends at twice the pace while the window allows, then at the rate, never past it', async () => {
    // The tenth timer fires 400 ms late: eight starts' worth of time.
    const time = virtualTime((n) => (n === 9 ? 400 : 0));
    const starts = await serialStarts(20, 100, time);
    const stall = starts.findIndex((t, i) => i > 0 && t - (starts[i - 1] as number) > 300);
    expect(stall).toBe(10);
    // Straight after it, starts come at twice the pace: the window still has room.
    expect(gaps(starts.slice(stall, stall + 10)).every((gap) => Math.abs(gap - 25.125) < 1e-6)).toBe(true);
    expect(busiestWindow(starts)).toBeLessThanOrEqual(20);
    // Part of the stall is made up for good: a pacer that only spaced starts would end 400 ms late.
    const late = (starts.at(-1) as number) - 99 * 50.25;
    expect(late).toBeLessThan(400 * 0.6);
    // And from a second after the stall on, every window holds the full rate.
    const after = starts.filter((t) => t >= (starts[stall] as number) + 1005);
    for (const t of after.filter((t) => t + 1005 <= (starts.at(-1) as number)))
      expect(starts.filter((u) => u >= t && u < t + 1000).length).toBeGreaterThanOrEqual(19);
  });
});

describe('feedbackEmail', () => {
  const MARKER = 'FRITEXT-9c1e-hemlig';
  const LINKS = {
    resultsUrl: 'https://dialog.ljungby.se/results/lekplatsen-3f9a?lang=sv',
    unsubscribeUrl: 'https://dialog.ljungby.se/unsubscribe?token=t0k3n',
    ratingUrl: 'https://dialog.ljungby.se/rating?token=r4t3&lang=sv',
  };
  const favourites = ['alla', 'alla', 'natur', 'alla', 'aventyr', 'natur', 'alla'];
  const responses: StoredResponse[] = favourites.map((favourite, i) => ({
    receivedAt: `2026-03-1${i}T10:00:00.000Z`,
    answers: { favourite, comments: `${MARKER} svar ${i} <script>alert(1)</script>` },
    profile: {},
  }));
  const decision: DecisionRecord = {
    summary: {
      sv: 'Nämnden bygger Lekplats för alla <med> sinnesträdgård.',
      en: 'The committee builds the Playground for everyone with a sensory garden.',
    },
    motivation: { sv: 'Flest ville ha en lekplats för alla barn.', en: 'Most wanted a playground for every child.' },
    inputUse: { sv: 'Önskemålen om skugga finns med i bygghandlingen.' },
    decidedAt: '2026-05-12',
    minutes: { meeting: 'Tekniska nämnden 2026-05-12', paragraph: '§ 47' },
    link: 'https://www.ljungby.se/protokoll/tn-2026-05-12',
    chosenAlternative: 'alla',
    registeredAt: '2026-05-13T08:00:00.000Z',
    registeredBy: 'official-tn',
  };
  const email = (dialogue: Dialogue, lang: 'sv' | 'en', record: DecisionRecord = decision) =>
    feedbackEmail(
      publicDefinition(dialogue, ljungby),
      presentResults(dialogue, fold(emptyState(), responses, dialogue), '2026-03-20T00:00:00.000Z', {
        kind: 'public',
        disclosureThreshold: 5,
      }),
      record,
      lang,
      LINKS,
    );
  const decided = demo({ status: 'decided', closedAt: '2026-03-20T12:00:00.000Z', decisionRecord: decision });

  it('in Swedish: subject, thanks, the count, the leading alternative, the decision and its motivation, and the links', () => {
    const { subject, text } = email(decided, 'sv');
    expect(subject).toBe('Resultat och beslut: Lekplatsen vid Lagaparken i Lagan');
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Hej!',
        'Tack för att du deltog i medborgardialogen ”Lekplatsen vid Lagaparken i Lagan”. Här är resultatet och beslutet, som vi lovade.',
        '7 personer svarade.',
        // Swedish puts a no-break space before the per cent sign.
        'Flest valde förslaget ”Lekplats för alla” (57\u00a0% av dem som svarade på frågan).',
        'Beslutet',
        'Tekniska nämnden beslutade 12 maj 2026.',
        'Nämnden bygger Lekplats för alla <med> sinnesträdgård.',
        'Motivering',
        'Flest ville ha en lekplats för alla barn.',
        'Så användes synpunkterna',
        'Önskemålen om skugga finns med i bygghandlingen.',
        'Protokoll: Tekniska nämnden 2026-05-12, § 47.',
        'Diarienummer: TN2026/0142.',
        `Hela resultatet och beslutet: ${LINKS.resultsUrl}`,
        decision.link,
        'Kände du dig hörd?',
        `Svara på en fråga om hur dialogen fungerade för dig: ${LINKS.ratingUrl}`,
        `Ta bort min e-postadress: ${LINKS.unsubscribeUrl}`,
      ]),
    );
    // The rating comes after the result and decision it is about.
    expect(text.indexOf('Kände du dig hörd?')).toBeGreaterThan(text.indexOf(LINKS.resultsUrl));
    expect(text.indexOf('Resultatet i korthet')).toBeLessThan(text.indexOf('Beslutet'));
    expect(text.indexOf('Beslutet')).toBeLessThan(text.indexOf('Motivering'));
  });

  it('in English: the same lines in English, the Swedish text only where no English was written', () => {
    const { subject, text } = email(decided, 'en');
    expect(subject).toBe('Result and decision: The playground at Lagaparken in Lagan');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'Hello,',
        '7 people answered.',
        'Most chose the proposal “Playground for everyone” (57% of those who answered the question).',
        'Tekniska nämnden decided on 12 May 2026.',
        'The committee builds the Playground for everyone with a sensory garden.',
        'Most wanted a playground for every child.',
        'How the input was used (in Swedish)',
        'Önskemålen om skugga finns med i bygghandlingen.',
        'Minutes: Tekniska nämnden 2026-05-12, § 47.',
        `The full result and decision: ${LINKS.resultsUrl}`,
        'Did you feel heard?',
        `Answer one question on how the dialogue worked for you: ${LINKS.ratingUrl}`,
        `Remove my email address: ${LINKS.unsubscribeUrl}`,
      ]),
    );
    expect(text).not.toContain('Nämnden bygger');
  });

  it('without alternatives gives the most common answer of the first closed question instead', () => {
    const single = demo({
      status: 'decided',
      format: { kind: 'single-question' },
      questions: decided.questions.filter((q) => q.type !== 'ranking'),
      decisionRecord: decision,
    });
    const { text } = email(single, 'sv', { ...decision, chosenAlternative: undefined });
    expect(text).toContain('Vilket förslag tycker du bäst om? Vanligaste svaret: Lekplats för alla (57,1\u00a0%).');
    expect(email(single, 'en', { ...decision, chosenAlternative: undefined }).text).toContain(
      'Which proposal do you like best? Most common answer: Playground for everyone (57.1%).',
    );
    expect(text).not.toContain('Flest valde');
    expect(text).not.toContain('Valt förslag');
  });

  /** The lines of the email's decision section, from its heading up to the next heading. */
  const decisionSection = (text: string, heading: string, next: string): string =>
    text.slice(text.indexOf(`\n\n${heading}\n`), text.indexOf(`\n\n${next}`));
  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  it('says the decision once: a summary that names the chosen proposal gets no second line repeating it', () => {
    const record = {
      ...decision,
      summary: { sv: 'Nämnden väljer Lekplats för alla.', en: 'The committee chooses the Playground for everyone.' },
    };
    const sv = decisionSection(email(decided, 'sv', record).text, 'Beslutet', 'Motivering');
    expect(sv).toContain('Nämnden väljer Lekplats för alla.');
    expect(occurrences(sv, 'Lekplats för alla')).toBe(1);
    expect(occurrences(sv, 'Nämnden')).toBe(1);
    const en = decisionSection(email(decided, 'en', record).text, 'The decision', 'Motivation');
    expect(occurrences(en, 'Playground for everyone')).toBe(1);
    // In the whole HTML part: once in the result in brief (the most votes), once in the decision.
    expect(occurrences(email(decided, 'sv', record).html, 'Lekplats för alla')).toBe(2);
  });

  it('names the chosen proposal once, in a line of its own, when the summary does not', () => {
    const record = {
      ...decision,
      summary: {
        sv: 'Nämnden bygger den nya lekplatsen 2027.',
        en: 'The committee builds the new playground in 2027.',
      },
    };
    const sv = decisionSection(email(decided, 'sv', record).text, 'Beslutet', 'Motivering');
    expect(sv.split('\n')).toEqual(
      expect.arrayContaining(['Nämnden bygger den nya lekplatsen 2027.', 'Valt förslag: ”Lekplats för alla”.']),
    );
    expect(occurrences(sv, 'Lekplats för alla')).toBe(1);
    expect(occurrences(sv, 'Nämnden')).toBe(1);
    const en = decisionSection(email(decided, 'en', record).text, 'The decision', 'Motivation');
    expect(en).toContain('Chosen proposal: “Playground for everyone”.');
    expect(occurrences(en, 'Playground for everyone')).toBe(1);
  });

  it('in English, says when the decision is in Swedish only, and marks the Swedish parts lang="sv" in the HTML', () => {
    const swedish: DecisionRecord = {
      ...decision,
      summary: { sv: 'Nämnden väljer Lekplats för alla.' },
      motivation: { sv: 'Flest ville ha en lekplats för alla barn.' },
    };
    const { text, html } = email(decided, 'en', swedish);
    const lines = text.split('\n');
    const note = lines.indexOf('The decision is available in Swedish only; here it is in Swedish:');
    expect(note).toBeGreaterThan(-1);
    expect(lines[note + 1]).toBe('Nämnden väljer Lekplats för alla.');
    expect(lines).toEqual(expect.arrayContaining(['Motivation (in Swedish)', 'How the input was used (in Swedish)']));
    // The summary names the Swedish title, not the English one: the English reader is told the proposal too.
    expect(lines).toContain('Chosen proposal: “Playground for everyone”.');
    expect(html).toContain('<p lang="sv">Nämnden väljer Lekplats för alla.</p>');
    expect(html).toContain('<p lang="sv">Flest ville ha en lekplats för alla barn.</p>');
    expect(html).toContain('<p lang="sv">Önskemålen om skugga finns med i bygghandlingen.</p>');
    expect(html).toContain('<p>The decision is available in Swedish only; here it is in Swedish:</p>');
    // An English decision has no such note, and Swedish readers never get one.
    expect(email(decided, 'en').text).not.toContain('Swedish only');
    expect(email(decided, 'en').html).not.toContain('<p lang="sv">The committee');
    const inSwedish = email(decided, 'sv', swedish);
    expect(inSwedish.text).not.toContain('bara på svenska');
    expect(inSwedish.html).not.toContain('<p lang="sv">');
  });

  it('tells a tie as a tie instead of naming a favourite that was not', () => {
    const tied: StoredResponse[] = ['natur', 'alla', 'aventyr'].map((favourite, i) => ({
      receivedAt: `2026-03-1${i}T10:00:00.000Z`,
      answers: { favourite },
      profile: {},
    }));
    const results = presentResults(decided, fold(emptyState(), tied, decided), null, {
      kind: 'public',
      disclosureThreshold: 5,
    });
    const { text } = feedbackEmail(publicDefinition(decided, ljungby), results, decision, 'sv', LINKS);
    expect(text).not.toContain('Flest valde');
    expect(text).toContain(
      'Inget förslag fick flest röster ensamt: ”Naturlekplats” 1, ”Äventyrslekplats” 1, ”Lekplats för alla” 1.',
    );
  });

  it('never carries the free text citizens wrote, in either language or part', () => {
    for (const lang of ['sv', 'en'] as const) {
      const { subject, text, html } = email(decided, lang);
      expect(`${subject}${text}${html}`).not.toContain(MARKER);
      expect(html).not.toContain('<script>');
    }
  });

  it('escapes the decision in the HTML part and links the results and the unsubscribe page', () => {
    const { html } = email(decided, 'sv');
    expect(html).toContain('Nämnden bygger Lekplats för alla &lt;med&gt; sinnesträdgård.');
    expect(html).not.toContain('<med>');
    expect(html).toContain(`<a href="${LINKS.resultsUrl}">`);
    expect(html).toContain(`<a href="${LINKS.unsubscribeUrl}">Ta bort min e-postadress</a>`);
    expect(html).toContain('<html lang="sv">');
    expect(email(decided, 'en').html).toContain('<html lang="en">');
  });
});
