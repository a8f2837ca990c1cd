import { missingForOpening, openingWarnings } from '../../shared/dialogue/rules';
import type { DialogueDefinition } from '../../shared/dialogue/schema';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';

type Item = keyof ConsoleCatalogue['checklist'];
const items = Object.keys({
  summary: 0,
  background: 0,
  targetGroup: 0,
  question: 0,
  influence: 0,
  decision: 0,
  feedbackPromise: 0,
  closesAt: 0,
  questions: 0,
} satisfies Record<Item, 0>) as Item[];

/** P5–P8, P12: each field the guideline asks for, done or missing, in the same words as the API's 422. */
export function Checklist(props: { definition: DialogueDefinition; t: ConsoleCatalogue; lang: Language; id: string }) {
  const { definition, t, lang, id } = props;
  const gaps = new Map(
    missingForOpening(definition, new Date()).map((g) => [g.path, lang === 'en' ? g.messageEn : g.message]),
  );
  return (
    <section aria-labelledby={`${id}-heading`} class="md-checklist">
      <h2 id={`${id}-heading`}>{t.checklistHeading}</h2>
      <p id={id} aria-live="polite">
        {gaps.size === 0 ? t.checklistDone : t.checklistMissing(gaps.size)}
      </p>
      <ul>
        {items.map((item) => {
          const gap = gaps.get(item);
          return (
            <li key={item} data-item={item} class={gap ? 'md-gap' : 'md-done'}>
              <strong>{gap ? t.missing : t.done}:</strong> {t.checklist[item]}
              {gap ? <span class="md-help"> – {gap}</span> : ''}
            </li>
          );
        })}
      </ul>
      {/* P7: a decision so soon after the close that the answers can hardly still shape it. */}
      {openingWarnings(definition).map((w) => (
        <p key={w.path} class="md-warning" data-warning={w.path}>
          <strong>{t.warningHeading}:</strong> {lang === 'en' ? w.messageEn : w.message}
        </p>
      ))}
    </section>
  );
}
