/**
 * The participants' rating (P14) without I/O: the link's token names a rater that leads back to no address, and a
 * rating is checked as the citizen's form checks answers and kept once per link.
 */
import { ValidationError } from '../../shared/errors';
import { unsubscribeToken } from '../../shared/mail/unsubscribe-token';
import { ljungby } from '../../shared/municipality';
import { type Rating, type RatingDeps, rate, ratingLink } from '../../shared/rating/rate';
import { ratingToken, verifyRatingToken } from '../../shared/rating/token';
import { emailHash } from '../../shared/responses/submit';
import { decidedDemo, demo } from './fixtures';

const KEYS = { current: 'unit-test-rating-secret-0123456789abcdef' };
const ID = 'demo';
const HASH = emailHash(ID, 'anna@example.se');

describe('rating tokens', () => {
  it('name the dialogue and a rater that is neither the address nor its hash, the same for the same contact', () => {
    const token = ratingToken(KEYS, ID, HASH);
    const named = verifyRatingToken(KEYS, token);
    expect(named?.dialogueId).toBe(ID);
    expect(named?.rater).not.toBe(HASH);
    expect(token).not.toContain(HASH);
    expect(ratingToken(KEYS, ID, HASH)).toBe(token);
    expect(verifyRatingToken(KEYS, ratingToken(KEYS, ID, emailHash(ID, 'bob@example.se')))?.rater).not.toBe(
      named?.rater,
    );
  });

  it.each([
    ['another secret', () => ratingToken({ current: 'another-secret-0123456789abcdefghijkl' }, ID, HASH)],
    ['another dialogue', () => ratingToken(KEYS, ID, HASH).replace(/^demo\./, 'annan.')],
    ['a changed signature', () => `${ratingToken(KEYS, ID, HASH).slice(0, -1)}x`],
    ['an extra part', () => `${ratingToken(KEYS, ID, HASH)}.x`],
    ['the unsubscribe token (same secret, other purpose)', () => unsubscribeToken(KEYS, ID, HASH)],
    ['nothing', () => ''],
  ])('refuse %s', (_, token) => {
    expect(verifyRatingToken(KEYS, token())).toBeUndefined();
  });
});

describe('rate', () => {
  const decided = decidedDemo();
  const stored: Rating[] = [];
  const raters = new Set<string>();
  const deps: RatingDeps = {
    dialogues: { get: async (id) => (id === ID ? decided : undefined) },
    ratings: {
      record: async (_, rater, rating) => (raters.has(rater) ? false : (raters.add(rater), stored.push(rating), true)),
      hasRated: async (_, rater) => raters.has(rater),
      ratings: async () => stored,
    },
    municipality: ljungby,
    keys: async () => KEYS,
  };

  it('a link to a dialogue with no decision yet leads nowhere: no feedback, so no rating', async () => {
    const open = { ...deps, dialogues: { get: async () => demo({ status: 'closed' }) } };
    await expect(ratingLink(open, ratingToken(KEYS, ID, HASH))).resolves.toEqual({ state: 'bad' });
  });

  it('lists every problem at once, in Swedish and English, and keeps nothing', async () => {
    const link = await ratingLink(deps, ratingToken(KEYS, ID, HASH));
    if (link.state === 'bad') throw new Error('bad link');
    const error = await rate(deps, link, { heard: 7, comment: 'x'.repeat(1001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['answers.comment', 'answers.heard']);
    for (const issue of (error as ValidationError).issues)
      expect([issue.message, issue.messageEn].every(Boolean)).toBe(true);
    expect(stored).toEqual([]);
  });

  it('keeps the score and the trimmed comment once; the same link again is "already" and changes nothing', async () => {
    const link = await ratingLink(deps, ratingToken(KEYS, ID, HASH));
    if (link.state === 'bad') throw new Error('bad link');
    await expect(rate(deps, link, { heard: 4, comment: '  Bra.  ' })).resolves.toBe('recorded');
    await expect(rate(deps, link, { heard: 1 })).resolves.toBe('already');
    expect(stored).toEqual([{ score: 4, comment: 'Bra.' }]);
    await expect(ratingLink(deps, ratingToken(KEYS, ID, HASH))).resolves.toMatchObject({ state: 'already' });
  });
});
