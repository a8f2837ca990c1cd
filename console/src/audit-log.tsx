import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import type { AuditEntries } from './api';

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
      <div class="md-table" role="region" tabIndex={0} aria-label={t.auditHeading}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.auditColumns.at}</th>
              <th scope="col">{t.auditColumns.by}</th>
              <th scope="col">{t.auditColumns.action}</th>
              <th scope="col">{t.auditColumns.fields}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.version} data-action={e.action}>
                <td>{when(e.at, lang)}</td>
                <td>{e.by}</td>
                <th scope="row">{t.auditActions[e.action]}</th>
                <td>{Object.keys(e.changes).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
