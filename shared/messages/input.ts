/**
 * Our own words for what zod finds wrong with an input, in Swedish and English: citizens and officials read these,
 * never a schema library's defaults ("Invalid input: expected string, received undefined"). Each language is an
 * error map, passed to a parse as `{ error: inputErrors.sv }` (shared/validation.ts does, for every issue we show).
 * No zod runtime here, only its issue types: the browser script bundles this catalogue.
 */
import type * as z from 'zod/mini';
import { emailAddress } from './issues';
import type { Bilingual, Language } from './language';

type RawIssue = z.core.$ZodRawIssue;

/** Checks whose failure has words of its own; the schema that declares one names it with `named`. */
export type NamedCheck = 'slug' | 'reservedWord' | 'committeeId' | 'year';

const namedChecks = new WeakMap<object, NamedCheck>();

/** Names `check` for this catalogue (zod hands the error map the failing check as `inst`), and returns it. */
export function named<T extends object>(check: T, name: NamedCheck): T {
  namedChecks.set(check, name);
  return check;
}

const quoted = (value: unknown): string => `"${String(value)}"`;
const listed = (values: readonly unknown[]): string => values.map(quoted).join(', ');

/** What a value is, as a sentence names it; `undefined` is not here: a missing field has its own message. */
function kindOf(value: unknown): Bilingual {
  if (value === null) return { sv: 'null', en: 'null' };
  if (Array.isArray(value)) return { sv: 'en lista', en: 'a list' };
  switch (typeof value) {
    case 'string':
      return { sv: 'text', en: 'text' };
    case 'number':
    case 'bigint':
      return { sv: 'ett tal', en: 'a number' };
    case 'boolean':
      return { sv: 'true/false', en: 'true/false' };
    case 'object':
      return { sv: 'ett objekt', en: 'an object' };
    default:
      return { sv: typeof value, en: typeof value };
  }
}

const expectedKinds: Partial<Record<string, Bilingual>> = {
  string: { sv: 'text', en: 'text' },
  number: { sv: 'ett tal', en: 'a number' },
  int: { sv: 'ett heltal', en: 'a whole number' },
  bigint: { sv: 'ett heltal', en: 'a whole number' },
  boolean: { sv: 'true eller false', en: 'true or false' },
  array: { sv: 'en lista', en: 'a list' },
  tuple: { sv: 'en lista', en: 'a list' },
  set: { sv: 'en lista', en: 'a list' },
  object: { sv: 'ett objekt', en: 'an object' },
  record: { sv: 'ett objekt', en: 'an object' },
  map: { sv: 'ett objekt', en: 'an object' },
  date: { sv: 'ett datum', en: 'a date' },
  null: { sv: 'null', en: 'null' },
  nonoptional: { sv: 'ett värde', en: 'a value' },
};
const expectedKind = (expected: string): Bilingual => expectedKinds[expected] ?? { sv: expected, en: expected };

const SUBMISSION_ID_IS = {
  sv: 'ett UUID som klienten skapar en gång per inskickning, så att nya försök är säkra',
  en: 'a UUID the client makes once per submission, so that retries are safe',
};

const uuid = {
  sv: 'Ange ett UUID, till exempel 0b6f2c8e-3f1a-4c1e-9d7a-2a9f1e6b8c01.',
  en: 'Give a UUID, for example 0b6f2c8e-3f1a-4c1e-9d7a-2a9f1e6b8c01.',
};

const formats: Partial<Record<string, Bilingual>> = {
  // The browser checks addresses before sending in the same words (shared/responses/validate.ts).
  email: emailAddress(),
  uuid,
  guid: uuid,
  uuidv4: uuid,
  date: {
    sv: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-10.',
    en: 'Write the date as YYYY-MM-DD, for example 2027-02-10.',
  },
  datetime: {
    sv: 'Skriv tidpunkten med datum, klockslag och tidszon, till exempel 2027-02-10T16:00:00+01:00.',
    en: 'Write the time with date, clock time and time zone, for example 2027-02-10T16:00:00+01:00.',
  },
  time: { sv: 'Skriv klockslaget som tt:mm, till exempel 16:00.', en: 'Write the time as hh:mm, for example 16:00.' },
  url: {
    sv: 'Skriv en fullständig webbadress, till exempel https://www.ljungby.se/.',
    en: 'Write a full web address, for example https://www.ljungby.se/.',
  },
};

function namedMessage(name: NamedCheck, input: unknown): Bilingual {
  switch (name) {
    case 'slug':
      return {
        sv: 'Använd bara små bokstäver a–z, siffror och bindestreck, högst 40 tecken, och börja med en bokstav eller siffra.',
        en: 'Use only lower-case letters a–z, digits and hyphens, at most 40 characters, starting with a letter or digit.',
      };
    case 'reservedWord':
      return {
        sv: `${quoted(input)} är ett reserverat ord; välj ett annat.`,
        en: `${quoted(input)} is a reserved word; choose another.`,
      };
    case 'committeeId':
      return {
        sv: 'Använd små bokstäver a–z och siffror, med ett bindestreck mellan orden.',
        en: 'Use lower-case letters a–z and digits, with a single hyphen between words.',
      };
    case 'year':
      return {
        sv: 'Skriv året med fyra siffror, till exempel 2026.',
        en: 'Write the year in four digits, for example 2026.',
      };
  }
}

const lengthOf = (input: unknown): number | undefined =>
  typeof input === 'string' || Array.isArray(input) ? input.length : input instanceof Set ? input.size : undefined;
const now = (n: number | undefined, word: string): string => (n === undefined ? '' : ` (${word} ${n})`);

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): Bilingual {
  const max = String(issue.maximum);
  const n = lengthOf(issue.input);
  switch (issue.origin) {
    case 'string':
      return issue.exact
        ? { sv: `Texten ska vara exakt ${max} tecken.`, en: `The text must be exactly ${max} characters.` }
        : {
            sv: `Texten får vara högst ${max} tecken${now(n, 'nu')}.`,
            en: `The text may be at most ${max} characters${now(n, 'now')}.`,
          };
    case 'array':
    case 'set':
      return {
        sv: `Listan får ha högst ${max} poster${now(n, 'nu')}.`,
        en: `The list may have at most ${max} items${now(n, 'now')}.`,
      };
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false
        ? { sv: `Talet ska vara mindre än ${max}.`, en: `The number must be less than ${max}.` }
        : { sv: `Talet får vara högst ${max}.`, en: `The number may be at most ${max}.` };
    default:
      return { sv: 'Värdet är för stort.', en: 'The value is too large.' };
  }
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): Bilingual {
  const min = String(issue.minimum);
  const n = lengthOf(issue.input);
  switch (issue.origin) {
    case 'string':
      if (issue.exact)
        return { sv: `Texten ska vara exakt ${min} tecken.`, en: `The text must be exactly ${min} characters.` };
      return min === '1'
        ? { sv: 'Fältet får inte vara tomt.', en: 'This field must not be empty.' }
        : {
            sv: `Texten ska vara minst ${min} tecken${now(n, 'nu')}.`,
            en: `The text must be at least ${min} characters${now(n, 'now')}.`,
          };
    case 'array':
    case 'set':
      return min === '1'
        ? { sv: 'Listan får inte vara tom.', en: 'The list must not be empty.' }
        : {
            sv: `Listan ska ha minst ${min} poster${now(n, 'nu')}.`,
            en: `The list must have at least ${min} items${now(n, 'now')}.`,
          };
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false
        ? { sv: `Talet ska vara större än ${min}.`, en: `The number must be greater than ${min}.` }
        : { sv: `Talet ska vara minst ${min}.`, en: `The number must be at least ${min}.` };
    default:
      return { sv: 'Värdet är för litet.', en: 'The value is too small.' };
  }
}

function invalidFormat(issue: Extract<RawIssue, { code: 'invalid_format' }>): Bilingual {
  const known = formats[issue.format];
  if (known) return known;
  const { prefix, suffix, includes } = issue as { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case 'starts_with':
      return { sv: `Texten ska börja med ${quoted(prefix)}.`, en: `The text must start with ${quoted(prefix)}.` };
    case 'ends_with':
      return { sv: `Texten ska sluta med ${quoted(suffix)}.`, en: `The text must end with ${quoted(suffix)}.` };
    case 'includes':
      return { sv: `Texten ska innehålla ${quoted(includes)}.`, en: `The text must contain ${quoted(includes)}.` };
    case 'regex':
      // Every pattern a citizen or official can meet is named (see `named`); the rest are operators' settings.
      return {
        sv: `Värdet har inte rätt form (${issue.pattern ?? ''}).`,
        en: `The value is not in the expected form (${issue.pattern ?? ''}).`,
      };
    default:
      return { sv: `Värdet har inte rätt form (${issue.format}).`, en: `The value is not a valid ${issue.format}.` };
  }
}

/** The message for one issue, in both languages. */
export function inputMessage(issue: RawIssue): Bilingual {
  const path = issue.path ?? [];
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  // The one field a person filling in a form never types: say what it is for.
  if (path.length === 1 && path[0] === 'submissionId') {
    return missing
      ? { sv: `submissionId saknas: ${SUBMISSION_ID_IS.sv}.`, en: `submissionId is missing: ${SUBMISSION_ID_IS.en}.` }
      : { sv: `submissionId ska vara ${SUBMISSION_ID_IS.sv}.`, en: `submissionId must be ${SUBMISSION_ID_IS.en}.` };
  }
  const name = issue.inst ? namedChecks.get(issue.inst) : undefined;
  if (name) return namedMessage(name, issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedKind(issue.expected);
      if (missing)
        return {
          sv: `Fältet saknas; här ska stå ${expected.sv}.`,
          en: `This field is missing; it should be ${expected.en}.`,
        };
      // A coerced value that was no number arrives as NaN: what it was is lost, so say only what it should be.
      if (Number.isNaN(issue.input)) return { sv: `Här ska stå ${expected.sv}.`, en: `This should be ${expected.en}.` };
      const got = kindOf(issue.input);
      return path.length === 0
        ? {
            sv: `Innehållet ska vara ${expected.sv}, inte ${got.sv}.`,
            en: `The content should be ${expected.en}, not ${got.en}.`,
          }
        : { sv: `Här ska stå ${expected.sv}, inte ${got.sv}.`, en: `This should be ${expected.en}, not ${got.en}.` };
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { sv: `Här ska stå ${quoted(issue.values[0])}.`, en: `This should be ${quoted(issue.values[0])}.` }
        : { sv: `Välj ett av: ${listed(issue.values)}.`, en: `Choose one of: ${listed(issue.values)}.` };
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return {
        sv: `Talet ska vara en multipel av ${issue.divisor}.`,
        en: `The number must be a multiple of ${issue.divisor}.`,
      };
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? {
            sv: `Okänt fält ${quoted(issue.keys[0])}; ta bort det.`,
            en: `Unknown field ${quoted(issue.keys[0])}; remove it.`,
          }
        : {
            sv: `Okända fält ${listed(issue.keys)}; ta bort dem.`,
            en: `Unknown fields ${listed(issue.keys)}; remove them.`,
          };
    case 'invalid_union': {
      // A discriminated union names the values its discriminator takes.
      const { options } = issue as { options?: readonly unknown[] };
      if (options && options.length > 0)
        return { sv: `Välj ett av: ${listed(options)}.`, en: `Choose one of: ${listed(options)}.` };
      if (path[0] === 'answers')
        return {
          sv: 'Svaret ska vara text, ett tal, true/false eller en lista.',
          en: 'The answer must be text, a number, true/false or a list.',
        };
      return {
        sv: 'Värdet har ingen av de former som tillåts här.',
        en: 'The value has none of the forms allowed here.',
      };
    }
    case 'invalid_key':
      return { sv: 'Namnet på fältet är ogiltigt.', en: 'The name of the field is not valid.' };
    case 'invalid_element':
      return { sv: 'Ett värde i listan är ogiltigt.', en: 'A value in the list is not valid.' };
    default:
      return { sv: 'Värdet är inte tillåtet.', en: 'The value is not allowed.' };
  }
}

/** One error map per language, for `{ error: inputErrors[lang] }`. */
export const inputErrors: Readonly<Record<Language, z.core.$ZodErrorMap>> = {
  sv: (issue) => inputMessage(issue).sv,
  en: (issue) => inputMessage(issue).en,
};
