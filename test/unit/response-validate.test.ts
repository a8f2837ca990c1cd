import { ValidationError, type Issue } from '../../shared/errors';
import { ljungby } from '../../shared/municipality';
import type { Dialogue } from '../../shared/dialogue/schema';
import { type ResponseBody, responseBodySchema } from '../../shared/responses/schema';
import { validateResponse } from '../../shared/responses/validate';
import { asDialogue, demo, demoDefinition, thrown } from './fixtures';

const SUBMISSION_ID = '0b5a8c1e-4a3f-4c1b-9d7e-2f1a3b4c5d6e';

/** A body as the HTTP boundary hands it over (already through the response body schema). */
const body = (fields: Omit<Partial<ResponseBody>, 'submissionId'> = {}): ResponseBody =>
  responseBodySchema.parse({ answers: { favourite: 'alla' }, submissionId: SUBMISSION_ID, ...fields });

const issuesOf = (dialogue: Dialogue, input: ResponseBody): readonly Issue[] =>
  thrown(() => validateResponse(dialogue, input, ljungby), ValidationError).issues;

describe('validateResponse against the demo dialogue', () => {
  const dialogue = demo();

  test('a full, valid answer passes and comes back with its text normalised', () => {
    const result = validateResponse(
      dialogue,
      body({
        answers: {
          favourite: 'alla',
          ranking: ['alla', 'natur', 'aventyr'],
          important: ['shade', 'toddlers', 'toilet'],
          'rating-alla': 5,
          visits: false,
          // decomposed "ä" (a + combining diaeresis), a bell character, surrounding spaces; tab and newline stay
          comments: '  Fler ba\u0308nkar\u0007, tack!\n\tHälsningar  ',
        },
        profile: { relation: ['lives', 'works'], ageBand: '30-44', locality: ' Lagan ' },
        contact: { email: 'anna@example.se', consent: true, language: 'sv' },
      }),
      ljungby,
    );
    expect(result).toEqual({
      answers: {
        favourite: 'alla',
        ranking: ['alla', 'natur', 'aventyr'],
        important: ['shade', 'toddlers', 'toilet'],
        'rating-alla': 5,
        visits: false,
        comments: 'Fler b\u00e4nkar, tack!\n\tHälsningar',
      },
      profile: { relation: ['lives', 'works'], ageBand: '30-44', locality: 'Lagan' },
    });
  });

  test('a lone surrogate in text becomes U+FFFD, so the answer is valid UTF-8 to store', () => {
    const result = validateResponse(
      dialogue,
      body({ answers: { favourite: 'alla', comments: 'trasig \uD800 text' } }),
      ljungby,
    );
    expect(result.answers.comments).toBe('trasig \uFFFD text');
  });

  test('unanswered optional questions and blank answers are left out, not stored as empty', () => {
    const result = validateResponse(
      dialogue,
      body({ answers: { favourite: 'natur', comments: '   ', important: [], visits: null } }),
      ljungby,
    );
    expect(result).toEqual({ answers: { favourite: 'natur' }, profile: {} });
  });

  test('the text limit counts the normalised text, so surrounding spaces do not push it over', () => {
    const result = validateResponse(
      dialogue,
      body({ answers: { favourite: 'alla', comments: `   ${'x'.repeat(2000)}   ` } }),
      ljungby,
    );
    expect(result.answers.comments).toHaveLength(2000);
  });

  test('a rating at either end of the scale is accepted', () => {
    expect(
      validateResponse(dialogue, body({ answers: { favourite: 'alla', 'rating-alla': 1 } }), ljungby).answers[
        'rating-alla'
      ],
    ).toBe(1);
    expect(
      validateResponse(dialogue, body({ answers: { favourite: 'alla', 'rating-alla': 5 } }), ljungby).answers[
        'rating-alla'
      ],
    ).toBe(5);
  });

  type Case = [what: string, answers: ResponseBody['answers'], path: string, message: string, messageEn: string];
  const cases: Case[] = [
    [
      'an unknown question id',
      { favourite: 'alla', colour: 'blå' },
      'answers.colour',
      'Frågan "colour" finns inte i den här dialogen.',
      'There is no question "colour" in this dialogue.',
    ],
    [
      'an unknown option in a single choice',
      { favourite: 'pool' },
      'answers.favourite',
      'Okänt alternativ "pool".',
      'Unknown option "pool".',
    ],
    [
      'an unknown option in a multiple choice',
      { favourite: 'alla', important: ['shade', 'pool'] },
      'answers.important',
      'Okänt alternativ "pool".',
      'Unknown option "pool".',
    ],
    [
      'a missing required answer',
      {},
      'answers.favourite',
      'Den här frågan måste besvaras.',
      'This question must be answered.',
    ],
    [
      'a required answer of only spaces',
      { favourite: '   ' },
      'answers.favourite',
      'Den här frågan måste besvaras.',
      'This question must be answered.',
    ],
    [
      'a rating above the scale',
      { favourite: 'alla', 'rating-alla': 6 },
      'answers.rating-alla',
      'Ange ett heltal från 1 till 5.',
      'Give a whole number from 1 to 5.',
    ],
    [
      'a rating below the scale',
      { favourite: 'alla', 'rating-alla': 0 },
      'answers.rating-alla',
      'Ange ett heltal från 1 till 5.',
      'Give a whole number from 1 to 5.',
    ],
    [
      'a rating that is not a whole number',
      { favourite: 'alla', 'rating-alla': 3.5 },
      'answers.rating-alla',
      'Ange ett heltal från 1 till 5.',
      'Give a whole number from 1 to 5.',
    ],
    [
      'a rating sent as text',
      { favourite: 'alla', 'rating-alla': '4' },
      'answers.rating-alla',
      'Ange ett heltal från 1 till 5.',
      'Give a whole number from 1 to 5.',
    ],
    [
      'a ranking with an item twice',
      { favourite: 'alla', ranking: ['alla', 'alla', 'natur'] },
      'answers.ranking',
      '"alla" förekommer flera gånger i rangordningen.',
      '"alla" appears more than once in the ranking.',
    ],
    [
      'a ranking with a gap',
      { favourite: 'alla', ranking: ['alla', 'natur'] },
      'answers.ranking',
      'Rangordna alla alternativ; "aventyr" saknas.',
      'Rank every item; "aventyr" is missing.',
    ],
    [
      'a ranking with an unknown item',
      { favourite: 'alla', ranking: ['alla', 'natur', 'aventyr', 'pool'] },
      'answers.ranking',
      'Okänt alternativ "pool" i rangordningen.',
      'Unknown item "pool" in the ranking.',
    ],
    [
      'a ranking that is not a list',
      { favourite: 'alla', ranking: 'alla' },
      'answers.ranking',
      'Ange rangordningen som en lista, det viktigaste först.',
      'Give the ranking as a list, most preferred first.',
    ],
    [
      'too many choices',
      { favourite: 'alla', important: ['shade', 'seating', 'toddlers', 'lighting'] },
      'answers.important',
      'Välj högst 3 alternativ.',
      'Choose at most 3 options.',
    ],
    [
      'the same choice twice',
      { favourite: 'alla', important: ['shade', 'shade'] },
      'answers.important',
      'Alternativet "shade" är valt två gånger.',
      'Option "shade" is chosen twice.',
    ],
    [
      'a multiple choice that is not a list',
      { favourite: 'alla', important: 'shade' },
      'answers.important',
      'Ange valen som en lista.',
      'Give the choices as a list.',
    ],
    [
      'a single choice that is not text',
      { favourite: 2 },
      'answers.favourite',
      'Välj ett av alternativen.',
      'Choose one of the options.',
    ],
    [
      'a single choice given as a list',
      { favourite: ['alla'] },
      'answers.favourite',
      'Välj ett av alternativen.',
      'Choose one of the options.',
    ],
    [
      'a yes/no answer that is not a boolean',
      { favourite: 'alla', visits: 'ja' },
      'answers.visits',
      'Svara ja eller nej.',
      'Answer yes or no.',
    ],
    [
      'a text answer that is not text',
      { favourite: 'alla', comments: 42 },
      'answers.comments',
      'Svaret ska vara text.',
      'The answer must be text.',
    ],
    [
      'an over-long text answer',
      { favourite: 'alla', comments: 'x'.repeat(2001) },
      'answers.comments',
      'Svaret får vara högst 2000 tecken (nu 2001).',
      'The answer may be at most 2000 characters (now 2001).',
    ],
  ];

  test.each(cases)('%s is one issue at its path, in Swedish and English', (_, answers, path, message, messageEn) => {
    expect(issuesOf(dialogue, body({ answers }))).toEqual([{ path, message, messageEn }]);
  });

  test('a locality outside the municipality is an issue on profile.locality', () => {
    expect(issuesOf(dialogue, body({ profile: { locality: 'Stockholm' } }))).toEqual([
      {
        path: 'profile.locality',
        message: 'Okänd ort "Stockholm"; välj en ort i kommunen.',
        messageEn: 'Unknown locality "Stockholm"; choose a place in the municipality.',
      },
    ]);
  });

  test('a relation given twice is an issue on profile.relation', () => {
    expect(issuesOf(dialogue, body({ profile: { relation: ['lives', 'lives'] } })).map((i) => i.path)).toEqual([
      'profile.relation',
    ]);
  });

  test('an email address without consent is an issue on contact.consent', () => {
    const [only, ...rest] = issuesOf(
      dialogue,
      body({ contact: { email: 'anna@example.se', consent: false, language: 'sv' } }),
    );
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      path: 'contact.consent',
      message: expect.stringMatching(/^Kryssa i/),
      messageEn: expect.stringMatching(/^Tick the box/),
    });
  });

  test('several problems at once come back as several issues, none lost', () => {
    const issues = issuesOf(
      dialogue,
      body({
        answers: { colour: 'blå', 'rating-alla': 9, important: ['shade', 'shade'] },
        profile: { locality: 'Stockholm' },
        contact: { email: 'anna@example.se', consent: false, language: 'en' },
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'answers.colour',
        'answers.favourite',
        'answers.important',
        'answers.rating-alla',
        'contact.consent',
        'profile.locality',
      ].sort(),
    );
    for (const issue of issues) expect(issue.message).not.toBe(issue.messageEn);
  });
});

describe('validateResponse and the profile questions a dialogue asks', () => {
  const notAsking = asDialogue({
    ...demoDefinition(),
    profileQuestions: { relation: false, ageBand: false, locality: false },
  });

  test('profile answers the dialogue does not ask for are issues, one per field', () => {
    const issues = issuesOf(
      notAsking,
      body({ profile: { relation: ['visits'], ageBand: '65-79', locality: 'Lagan' } }),
    );
    expect(issues).toEqual([
      {
        path: 'profile.relation',
        message: 'Den här dialogen frågar inte om relation till kommunen.',
        messageEn: 'This dialogue does not ask about relation to the municipality.',
      },
      {
        path: 'profile.ageBand',
        message: 'Den här dialogen frågar inte om ålder.',
        messageEn: 'This dialogue does not ask about age.',
      },
      {
        path: 'profile.locality',
        message: 'Den här dialogen frågar inte om ort.',
        messageEn: 'This dialogue does not ask about locality.',
      },
    ]);
  });

  test('an empty profile passes a dialogue that asks nothing', () => {
    expect(validateResponse(notAsking, body({ profile: { locality: '  ' } }), ljungby).profile).toEqual({});
  });
});

describe('validateResponse and question ids that are also Object.prototype names', () => {
  // Source bug: validate.ts reads `body.answers[question.id]`, so an unanswered question with the (valid slug) id
  // "constructor" reads Object.prototype.constructor and is reported as a wrong answer the citizen never gave.
  test('a skipped optional question with the id "constructor" is not an issue', () => {
    const definition = demoDefinition();
    const dialogue = asDialogue({
      ...definition,
      questions: [
        ...definition.questions,
        { id: 'constructor', type: 'yesno', required: false, label: { sv: 'Bygger du själv?' } },
      ],
    });
    expect(validateResponse(dialogue, body(), ljungby).answers).toEqual({ favourite: 'alla' });
  });
});
