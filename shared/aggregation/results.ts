import { type Caller, mayManage, mayRead } from '../access';
import type { DecisionRecord } from '../decision/schema';
import type { Dialogue } from '../dialogue/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import { type ModerationState, freeTextId } from '../dialogue/moderation';
import * as refusals from '../messages/refusals';
import type { DialogueStore, ModerationReader } from '../ports';
import { type ResultsBody, presentResults } from './present';
import { type AggregateStore, type ResponseReader, countedUntilClose } from './run';
import { emptyState } from './state';

export interface ResultsDeps {
  readonly dialogues: Pick<DialogueStore, 'get'>;
  readonly aggregates: Pick<AggregateStore, 'get'>;
  readonly disclosureThreshold: number;
}

/** One free-text answer as the lead committee sees it: its id (for moderation), the text and whether it may be published. */
export interface FreeText {
  readonly id: string;
  readonly text: string;
  readonly state: ModerationState;
}

/**
 * Free-text answers (the newest 2,000 per question, newest last), for the officials of the lead committee; never in
 * email, and public only where an official marked one publishable.
 */
export interface FreeTexts {
  readonly [questionId: string]: {
    readonly total: number;
    readonly publishable: number;
    readonly texts: FreeText[];
    readonly truncated: boolean;
  };
}

export const MAX_TEXTS_PER_QUESTION = 2000;

async function load(deps: Pick<ResultsDeps, 'dialogues'>, id: string): Promise<Dialogue> {
  const dialogue = await deps.dialogues.get(id);
  if (!dialogue || dialogue.status === 'draft') throw new NotFoundError(refusals.noDialogue(id));
  return dialogue;
}

async function bodyOf(
  deps: Pick<ResultsDeps, 'aggregates'>,
  dialogue: Dialogue,
): Promise<(audience: Parameters<typeof presentResults>[3]) => ResultsBody> {
  const aggregate = await deps.aggregates.get(dialogue.id);
  return (audience) =>
    presentResults(dialogue, aggregate?.state ?? emptyState(), aggregate?.updatedAt ?? null, audience);
}

/** The registered decision as the public sees it (who registered it is internal). */
export function publicDecision(dialogue: Dialogue): PublicDecision | undefined {
  if (!dialogue.decisionRecord) return undefined;
  const { registeredBy: _official, ...decision } = dialogue.decisionRecord;
  return decision;
}
export type PublicDecision = Omit<DecisionRecord, 'registeredBy'>;

/** P2, P12: what everyone may see, following the dialogue's visibility, small groups suppressed, and the decision. */
export async function publicResults(
  deps: ResultsDeps,
  id: string,
): Promise<{ dialogue: Dialogue; results: PublicResults }> {
  const dialogue = await load(deps, id);
  return { dialogue, results: await publicResultsOf(deps, dialogue) };
}

export type PublicResults = ResultsBody & { decision?: PublicDecision };

/** The same, for a dialogue already read (the form's page after the close). */
export async function publicResultsOf(
  deps: Pick<ResultsDeps, 'aggregates' | 'disclosureThreshold'>,
  dialogue: Dialogue,
): Promise<PublicResults> {
  const body = await bodyOf(deps, dialogue);
  const decision = publicDecision(dialogue);
  return {
    ...body({ kind: 'public', disclosureThreshold: deps.disclosureThreshold }),
    ...(decision ? { decision } : {}),
  };
}

/** Officials' view: always the latest aggregate, unsuppressed; the free texts only for the lead committee or an admin. */
export async function officialResults(
  deps: ResultsDeps & { readonly responses: ResponseReader; readonly moderations: Pick<ModerationReader, 'list'> },
  caller: Caller,
  id: string,
): Promise<{ dialogue: Dialogue; results: ResultsBody & { freeTexts?: FreeTexts } }> {
  const dialogue = await load(deps, id);
  if (!mayRead(caller, [dialogue.leadCommittee, ...dialogue.participatingCommittees]))
    throw new ForbiddenError(refusals.otherCommittee());
  const decision = publicDecision(dialogue);
  const body = await bodyOf(deps, dialogue);
  const results = { ...body({ kind: 'officials' }), ...(decision ? { decision } : {}) };
  if (!mayManage(caller, dialogue.leadCommittee)) return { dialogue, results };
  return { dialogue, results: { ...results, freeTexts: await freeTexts(deps, dialogue) } };
}

async function freeTexts(
  deps: { readonly responses: ResponseReader; readonly moderations: Pick<ModerationReader, 'list'> },
  dialogue: Dialogue,
): Promise<FreeTexts> {
  const textQuestions = dialogue.questions.filter((q) => q.type === 'text').map((q) => q.id);
  const found: Record<string, Array<{ at: string; id: string; text: string }>> = Object.fromEntries(
    textQuestions.map((q) => [q, []]),
  );
  if (textQuestions.length > 0) {
    for (let shard = 0; shard < dialogue.responseShards; shard++) {
      const responses = deps.responses.read(dialogue.id, shard, undefined, countedUntilClose(dialogue));
      for await (const page of responses)
        for (const response of page)
          for (const q of textQuestions) {
            const text = response.answers[q];
            const id = freeTextId(shard, response.sortKey);
            if (typeof text === 'string') found[q]?.push({ at: response.sortKey, id, text });
          }
    }
  }
  const states = new Map(
    (textQuestions.length > 0 ? await deps.moderations.list(dialogue.id) : []).map((m) => [
      `${m.questionId}#${m.textId}`,
      m.state,
    ]),
  );
  const stateOf = (q: string, id: string): ModerationState => states.get(`${q}#${id}`) ?? 'hidden';
  // Shards interleave in time: sort by the time-ordered sort key, keep the newest, newest last.
  return Object.fromEntries(
    Object.entries(found).map(([q, texts]) => {
      texts.sort((a, b) => (a.at < b.at ? -1 : 1));
      return [
        q,
        {
          total: texts.length,
          publishable: texts.filter((t) => stateOf(q, t.id) === 'publishable').length,
          texts: texts.slice(-MAX_TEXTS_PER_QUESTION).map(({ id, text }) => ({ id, text, state: stateOf(q, id) })),
          truncated: texts.length > MAX_TEXTS_PER_QUESTION,
        },
      ];
    }),
  );
}
