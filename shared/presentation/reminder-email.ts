import { reminderCatalogues } from '../messages/reminder';
import type { ReminderKind } from '../reminders/due';
import { emailDocument, linkify } from './email-document';
import { type Language, escapeHtml, longDate } from './html';

export interface ReminderEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** P12: the lead committee's reminder that the feedback promised by `byDate` is near, or overdue, with no decision. */
export function reminderEmail(
  kind: ReminderKind,
  dialogue: { title: string; committeeName: string; byDate: string; consoleUrl: string },
  lang: Language = 'sv',
): ReminderEmail {
  const t = reminderCatalogues[lang];
  const date = longDate(dialogue.byDate, lang);
  const subject = kind === 'upcoming' ? t.subject.upcoming(dialogue.title, date) : t.subject.overdue(dialogue.title);
  const lines = [
    t.greeting,
    `${t.promise(dialogue.title, dialogue.committeeName, date)} ${t.state[kind]}`,
    t.action,
    `${t.consoleLink}: ${dialogue.consoleUrl}`,
  ];
  return {
    subject,
    text: [...lines, t.why].join('\n\n'),
    html: emailDocument(lang, subject, lines.map((line) => `<p>${linkify(line)}</p>`).join('\n'), escapeHtml(t.why)),
  };
}
