import { daysToClose } from '../../shared/dialogue/feedback';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import { formatNumber } from '../../shared/messages/format';
import type { Language } from '../../shared/messages/language';
import { longDate } from '../../shared/presentation/html';
import type { DialogueSummary } from './api';
import { ScrollTable } from './scroll-table';

const titleOf = (d: DialogueSummary, lang: Language) => (lang === 'en' && d.title.en) || d.title.sv;

/** "My dialogues": status, days to close, the feedback promise, and a flag where feedback is overdue (P12). */
export function DialogueList(props: { dialogues: DialogueSummary[]; t: ConsoleCatalogue; lang: Language; now: Date }) {
  const { dialogues, t, lang, now } = props;
  if (dialogues.length === 0) return <p>{t.noDialogues}</p>;
  return (
    <ScrollTable
      label={t.myDialogues}
      caption={t.listCaption(dialogues.length)}
      columns={[t.columns.title, t.columns.status, t.columns.responses, t.columns.closes, t.columns.feedback]}
    >
      {dialogues.map((d) => {
        const days = d.status === 'open' ? daysToClose(d, now) : undefined;
        const { feedback } = d;
        return (
          <tr key={d.id} data-dialogue={d.id}>
            <th scope="row" lang={lang === 'en' && !d.title.en ? 'sv' : undefined}>
              <a href={`#/d/${d.id}`}>{titleOf(d, lang)}</a>
            </th>
            <td>{t.status[d.status]}</td>
            <td class="md-number">{d.status === 'draft' ? t.noDate : formatNumber(d.responses, lang)}</td>
            <td>
              {/* Closed early, the day it closed; else the planned day, and how soon while open. */}
              {d.closedAt && (!d.closesAt || d.closedAt < d.closesAt)
                ? t.closedOn(longDate(d.closedAt, lang))
                : d.closesAt
                  ? longDate(d.closesAt, lang)
                  : t.noDate}
              {days !== undefined ? ` (${t.closesIn(days)})` : ''}
            </td>
            <td class={feedback.state === 'overdue' ? 'md-overdue' : undefined}>
              {feedback.promisedBy ? `${longDate(feedback.promisedBy, lang)}: ` : ''}
              {feedback.state === 'overdue' ? <strong>{t.feedback.overdue}</strong> : t.feedback[feedback.state]}
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
