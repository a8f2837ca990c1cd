import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import type { AuditEntries } from './api';
import { ScrollTable } from './scroll-table';

const when = (iso: string, lang: Language) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  });

/** Every change by an official (or a job), newest first: who, what, when, and which fields. */
export function AuditLog(props: { entries: AuditEntries; t: ConsoleCatalogue; lang: Language }) {
  const { entries, t, lang } = props;
  return (
    <section aria-labelledby="md-audit-heading">
      <h2 id="md-audit-heading">{t.auditHeading}</h2>
      <ScrollTable
        label={t.auditHeading}
        columns={[t.auditColumns.at, t.auditColumns.by, t.auditColumns.action, t.auditColumns.fields]}
      >
        {[...entries].reverse().map((e) => (
          <tr key={e.version} data-action={e.action}>
            <td>{when(e.at, lang)}</td>
            <td>{e.by}</td>
            <th scope="row">{t.auditActions[e.action]}</th>
            <td>{Object.keys(e.changes).join(', ')}</td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
