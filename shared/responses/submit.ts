import { createHash } from 'node:crypto';
import { isAcceptingResponses } from '../dialogue/rules';
import { ConflictError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { Municipality } from '../municipality';
import type { Dialogue } from '../dialogue/schema';
import type {
  Clock,
  ContactForFeedback,
  DialogueStore,
  IdSource,
  ResponseStore,
  StoredSubmission,
  Submission,
} from '../ports';
import { HONEYPOT_FIELD, type ResponseBody, responseBodySchema } from './schema';
import type { EntryMethod } from './methods';
import { type CheckedResponse, checkResponse, parseResponseBody } from './validate';

export interface SubmitDeps {
  /** `fresh: false` may answer from a short-lived cache (see `submitResponse` for why that is safe). */
  readonly dialogues: { get(id: string, fresh: boolean): Promise<Dialogue | undefined> } & Pick<
    DialogueStore,
    'markResponded'
  >;
  readonly responses: ResponseStore;
  readonly municipality: Municipality;
  readonly clock: Clock;
  readonly ids: IdSource;
}

export interface Receipt extends StoredSubmission {
  readonly dialogueId: string;
}

export const normaliseEmail = (email: string): string => email.normalize('NFC').trim().toLowerCase();

/** Keys a contact per dialogue and address, so one person answering twice is one recipient. */
export const emailHash = (dialogueId: string, email: string): string =>
  createHash('sha256')
    .update(`${dialogueId}\u0000${normaliseEmail(email)}`)
    .digest('hex');

function contactOf(dialogueId: string, body: ResponseBody): ContactForFeedback | undefined {
  if (!body.contact?.consent) return undefined;
  const email = normaliseEmail(body.contact.email);
  return { email, emailHash: emailHash(dialogueId, email), language: body.contact.language };
}

/** A UUID in either case names one submission: a retry that changed the case is still a retry. */
export const submissionIdOf = (body: ResponseBody): string => body.submissionId.toLowerCase();

/** Whether the invisible field is filled in: then only a bot can have sent the body. */
const isBot = (input: unknown): boolean => {
  const honeypot =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[HONEYPOT_FIELD] : '';
  return typeof honeypot === 'string' && honeypot.trim() !== '';
};

/**
 * The checks a response must pass against one copy of its dialogue; throws the domain error that turns it away.
 * The body comes as sent: it is checked whole here (shape and answers, every issue in one ValidationError).
 */
function prepare(deps: SubmitDeps, dialogue: Dialogue | undefined, dialogueId: string, input: unknown): Submission {
  if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(refusals.noDialogue(dialogueId));
  const now = deps.clock.now();
  if (!isAcceptingResponses(dialogue, now)) throw new ConflictError(refusals.notOpenForResponses());
  // A bot that filled the invisible field gets an ordinary receipt; what it sent is kept apart, uncounted and unchecked.
  const quarantined = isBot(input);
  const { body, answers, profile } = quarantined
    ? { body: parseResponseBody(input), answers: {}, profile: {} }
    : checkResponse(dialogue, input, deps.municipality);
  return stampedSubmission(deps, dialogue, now, { body, answers, profile }, { quarantined });
}

/** A checked response as it is stored: its ids, shard and time drawn here, its contact only with consent. */
export function stampedSubmission(
  deps: Pick<SubmitDeps, 'ids'>,
  dialogue: Dialogue,
  now: Date,
  checked: Pick<CheckedResponse, 'body' | 'answers' | 'profile'>,
  how: { readonly quarantined: boolean; readonly method?: EntryMethod },
): Submission {
  const contact = how.quarantined ? undefined : contactOf(dialogue.id, checked.body);
  return {
    dialogueId: dialogue.id,
    dialogueVersion: dialogue.version,
    submissionId: submissionIdOf(checked.body),
    responseId: deps.ids.newId(),
    shard: deps.ids.shard(dialogue.responseShards),
    receivedAt: now.toISOString(),
    answers: checked.answers,
    profile: checked.profile,
    quarantined: how.quarantined,
    ...(how.method ? { method: how.method } : {}),
    ...(contact ? { contact } : {}),
  };
}

/** The receipt of an earlier copy of this submission, if the body names one (a retry). */
async function storedCopy(deps: SubmitDeps, dialogueId: string, input: unknown) {
  const parsed = responseBodySchema.safeParse(input);
  if (!parsed.success) return undefined;
  return deps.responses.find(dialogueId, submissionIdOf(parsed.data));
}

/**
 * P12 and the public path: check a response against its dialogue and store it once.
 * The dialogue may come from a cache a few seconds old. Its questions cannot have changed if the copy shows a
 * first response (they lock then); if it shows none, this response marks the first one against the copy's version,
 * which fails if the dialogue changed, and the response is checked again against a fresh copy.
 */
export async function submitResponse(deps: SubmitDeps, dialogueId: string, body: unknown): Promise<Receipt> {
  const receipt = (stored: StoredSubmission): Receipt => ({ ...stored, dialogueId });
  for (let attempt = 0; attempt < 3; attempt++) {
    const fresh = attempt > 0;
    let submission: Submission;
    let dialogue: Dialogue | undefined;
    try {
      dialogue = await deps.dialogues.get(dialogueId, fresh);
      submission = prepare(deps, dialogue, dialogueId, body);
    } catch (error) {
      // The first look may come from a short-lived cache: ask the table before turning a response away.
      if (!fresh) continue;
      // A retry of a stored submission answers as the first call did, even after the dialogue stopped taking responses.
      const stored = error instanceof ConflictError ? await storedCopy(deps, dialogueId, body) : undefined;
      if (stored) return receipt(stored);
      throw error;
    }
    const first = !submission.quarantined && dialogue?.firstResponseAt === undefined;
    if (first && !(await deps.dialogues.markResponded(dialogueId, submission.dialogueVersion, deps.clock.now())))
      continue;
    return receipt(await deps.responses.save(submission));
  }
  throw new ConflictError(refusals.changedWhileSaving());
}
