import { type Caller, mayManage, mayRead } from '../access';
import type { DecisionRecord } from '../decision/schema';
import type { Dialogue } from '../dialogue/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import * as refusals from '../messages/refusals';
import type { DialogueStore } from '../ports';
import { type ResultsBody, presentResults } from './present';
import { type AggregateStore, type ResponseReader, countedBefore } from './run';
import { emptyState } from './state';

export interface ResultsDeps {
  readonly dialogues: Pick<DialogueStore, 'get'>;
  readonly aggregates: Pick<AggregateStore, 'get'>;
  readonly disclosureThreshold: number;
}

/** Free-text answers (the newest 2,000 per question, newest last), for the officials of the lead committee (never public, never in email). */
export interface FreeTexts {
  readonly [questionId: string]: { readonly total: number; readonly texts: string[]; readonly truncated: boolean };
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
  deps: ResultsDeps & { readonly responses: ResponseReader },
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
  return { dialogue, results: { ...results, freeTexts: await freeTexts(deps.responses, dialogue) } };
}

async function freeTexts(reader: ResponseReader, dialogue: Dialogue): Promise<FreeTexts> {
  const textQuestions = dialogue.questions.filter((q) => q.type === 'text').map((q) => q.id);
  const found: Record<string, Array<{ at: string; text: string }>> = Object.fromEntries(
    textQuestions.map((q) => [q, []]),
  );
  if (textQuestions.length > 0) {
    for (let shard = 0; shard < dialogue.responseShards; shard++) {
      for await (const response of reader.read(dialogue.id, shard, undefined, countedBefore(dialogue, '\uffff'))) {
        for (const q of textQuestions) {
          const text = response.answers[q];
          if (typeof text === 'string') found[q]?.push({ at: response.sortKey, text });
        }
      }
    }
  }
  // Shards interleave in time: sort by the time-ordered sort key, keep the newest, newest last.
  return Object.fromEntries(
    Object.entries(found).map(([q, texts]) => {
      texts.sort((a, b) => (a.at < b.at ? -1 : 1));
      return [
        q,
        {
          total: texts.length,
          texts: texts.slice(-MAX_TEXTS_PER_QUESTION).map((t) => t.text),
          truncated: texts.length > MAX_TEXTS_PER_QUESTION,
        },
      ];
    }),
  );
}
