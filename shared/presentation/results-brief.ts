import type { ResultsBody } from '../aggregation/present';
import type { PublicDefinition } from '../dialogue/public-view';
import { briefCatalogues } from '../messages/brief';
import { type Language, plain } from './html';

/** A few lines of results: the count, and the leading alternative or the most common answer. Never free text. */
export function resultsBrief(definition: PublicDefinition, results: ResultsBody, lang: Language): string[] {
  const t = briefCatalogues[lang];
  const lines = [t.responses(results.responseCount)];
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives : [];
  const titleOf = (id: string) => plain(alternatives.find((a) => a.id === id)?.title, lang);
  const byVotes = results.alternatives
    .filter((a) => a.votes !== undefined)
    .sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
  const [voted, runnerUp] = byVotes;
  const voteQuestion = definition.questions.find(
    (q) => q.type === 'single' && q.options.every((o) => alternatives.some((a) => a.id === o.id)),
  );
  const answered = voteQuestion ? (results.questions[voteQuestion.id]?.answered ?? 0) : 0;
  if (voted?.votes && answered) {
    // A tie is told as a tie: no proposal is called the favourite that was not.
    lines.push(
      runnerUp?.votes === voted.votes
        ? t.tied(
            byVotes
              .filter((a) => a.votes === voted.votes)
              .map((a) => t.votes(titleOf(a.id), a.votes ?? 0))
              .join(', '),
          )
        : t.leading(titleOf(voted.id), Math.round((100 * voted.votes) / answered)),
    );
    return lines;
  }
  const closed = definition.questions.find((q) => q.type === 'single' || q.type === 'yesno');
  const result = closed ? results.questions[closed.id] : undefined;
  const top = Object.entries(result?.percentages ?? {}).sort((a, b) => b[1] - a[1])[0];
  if (closed && top && result?.answered) {
    const label =
      closed.type === 'yesno'
        ? top[0] === 'true'
          ? t.yes
          : t.no
        : plain(closed.options.find((o) => o.id === top[0])?.label, lang);
    lines.push(t.topAnswer(plain(closed.label, lang), label, top[1]));
  }
  return lines;
}
