import type { ResultsBody } from '../aggregation/present';
import type { DecisionRecord } from '../decision/schema';
import type { PublicDefinition } from '../dialogue/public-view';
import type { Localized } from '../dialogue/text';
import { briefCatalogues } from '../messages/brief';
import { emailCatalogues } from '../messages/email';
import { ratingCatalogues } from '../messages/rating';
import { summaryNames, swedishOnly } from './decision-text';
import { emailDocument, linkify } from './email-document';
import { resultsBrief } from './results-brief';
import { type Language, escapeHtml, longDate, plain } from './html';

export interface FeedbackEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A line of the email; one in Swedish where the reader's language is English is marked, for the HTML part's lang. */
type Line = string | { readonly text: string; readonly lang: 'sv' };
type Section = { heading?: string; lines: Line[] };

const lineText = (line: Line): string => (typeof line === 'string' ? line : line.text);

/** Localized text as a line in the reader's language, or in Swedish, marked so, where no English was written. */
const localizedLine = (value: Localized | undefined, lang: Language): Line =>
  value && swedishOnly(value, lang) ? { text: value.sv, lang: 'sv' } : plain(value, lang);

/** P12: the result and the decision, in the participant's language, as text and HTML. */
export function feedbackEmail(
  definition: PublicDefinition,
  results: ResultsBody,
  decision: DecisionRecord,
  lang: Language,
  links: { resultsUrl: string; unsubscribeUrl: string; ratingUrl: string },
): FeedbackEmail {
  const t = emailCatalogues[lang];
  const title = plain(definition.title, lang);
  const c = definition.conditions;
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives : [];
  const chosen = decision.chosenAlternative ? alternatives.find((a) => a.id === decision.chosenAlternative) : undefined;
  // The decision is said once: a chosen proposal gets its own line only when the summary does not name it already.
  const chosenTitle = chosen ? plain(chosen.title, lang) : '';
  const sayChosen = chosen !== undefined && !summaryNames(plain(decision.summary, lang), chosenTitle);
  // Parts written only in Swedish are said to be so (the text part cannot carry lang="sv").
  const heading = (title: string, value: Localized) => (swedishOnly(value, lang) ? `${title} ${t.inSwedish}` : title);
  const sections: Section[] = [
    { lines: [t.greeting, t.thanks(title)] },
    { heading: t.questionHeading, lines: [localizedLine(c.question, lang)] },
    { heading: briefCatalogues[lang].heading, lines: resultsBrief(definition, results, lang) },
    {
      heading: t.decisionHeading,
      lines: [
        ...(c.decision ? [t.decidedBy(c.decision.committeeName, longDate(decision.decidedAt, lang))] : []),
        ...(swedishOnly(decision.summary, lang) ? [t.swedishOnly] : []),
        localizedLine(decision.summary, lang),
        ...(sayChosen ? [t.chosen(chosenTitle)] : []),
      ],
    },
    {
      heading: heading(t.motivationHeading, decision.motivation),
      lines: [localizedLine(decision.motivation, lang)],
    },
    ...(decision.inputUse
      ? [
          {
            heading: heading(t.inputUseHeading, decision.inputUse),
            lines: [localizedLine(decision.inputUse, lang)],
          },
        ]
      : []),
    ...(c.influence
      ? [
          {
            heading: t.influenceHeading,
            lines: [t.influence(c.influence.levelName[lang]), localizedLine(c.influence.canChange, lang)],
          },
        ]
      : []),
    {
      heading: t.more,
      lines: [
        ...(decision.minutes ? [t.minutes(decision.minutes.meeting, decision.minutes.paragraph)] : []),
        ...((decision.caseNumber ?? definition.caseNumber)
          ? [t.caseNumber((decision.caseNumber ?? definition.caseNumber) as string)]
          : []),
        `${t.resultsLink}: ${links.resultsUrl}`,
        ...(decision.link ? [decision.link] : []),
      ],
    },
    // P14: one question on the participant's own experience, after the result it is about.
    { heading: ratingCatalogues[lang].title, lines: [`${ratingCatalogues[lang].emailLine}: ${links.ratingUrl}`] },
  ];
  const text = [
    ...sections.map((s) => [s.heading, ...s.lines.map(lineText)].filter(Boolean).join('\n')),
    `${t.why}\n${t.unsubscribe}: ${links.unsubscribeUrl}`,
  ].join('\n\n');
  const paragraph = (line: Line) =>
    typeof line === 'string' ? `<p>${linkify(line)}</p>` : `<p lang="${line.lang}">${linkify(line.text)}</p>`;
  const html = emailDocument(
    lang,
    t.subject(title),
    sections
      .map(
        (s) =>
          `${s.heading ? `<h2 style="font-size:1.1rem">${escapeHtml(s.heading)}</h2>` : ''}${s.lines.map(paragraph).join('')}`,
      )
      .join('\n'),
    `${escapeHtml(t.why)} <a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a>`,
  );
  return { subject: t.subject(title), text, html };
}
