import { useEffect, useRef, useState } from 'preact/hooks';
import { conditions } from '../../shared/presentation/form';
import { longDate, plain } from '../../shared/presentation/html';
import type { DialogueViewProps } from './api';
import { Figures, type Loaded, loadResults } from './results';

/**
 * `#/d/{id}/report`: the results report for the committee's meeting papers (beslutsunderlag), made to print: the
 * conditions, participation and reach, the results with their charts and tables, the free texts marked
 * publishable, and the method. The breakdowns are open, since paper cannot expand them.
 */
export function Report(props: DialogueViewProps) {
  const { api, id, lang } = props;
  const t = props.t.report;
  const [loaded, setLoaded] = useState<Loaded>();
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => void loadResults(api, id).then(setLoaded).catch(props.onError), [id]);
  useEffect(() => {
    for (const details of body.current?.querySelectorAll('details') ?? []) details.open = true;
  }, [loaded]);
  if (!loaded) return <p aria-live="polite">{props.t.loading}</p>;
  const { stored, definition, results } = loaded;
  const free = definition.questions
    .filter((q) => q.type === 'text')
    .map((q) => ({ q, texts: results.freeTexts?.[q.id] }))
    .filter((x) => x.texts && x.texts.total > 0);
  const date = (iso: string | undefined) => (iso ? longDate(iso, lang) : t.open);
  return (
    <article class="md-report" ref={body}>
      <p class="md-no-print">
        <a href={`#/d/${id}/results`}>{props.t.results.heading(plain(stored.title, lang))}</a>
      </p>
      <p class="md-no-print">
        <button type="button" class="md-submit" onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      <h1>{t.heading(plain(stored.title, lang))}</h1>
      <p>
        {t.generated(longDate(new Date().toISOString(), lang))}
        {stored.caseNumber ? ` ${t.caseNumber(stored.caseNumber)}` : ''}
      </p>
      <div dangerouslySetInnerHTML={{ __html: conditions(definition, lang, 2).toString() }} />
      <section class="md-report-section" aria-labelledby="md-report-participation">
        <h2 id="md-report-participation">{t.participationHeading}</h2>
        <p>{t.participation(results.responseCount, date(stored.openedAt), date(definition.closedAt))}</p>
      </section>
      <div class="md-report-section">
        <Figures loaded={loaded} lang={lang} />
      </div>
      {free.length > 0 && (
        <section class="md-report-section" aria-labelledby="md-report-free">
          <h2 id="md-report-free">{t.freeTextsHeading}</h2>
          {free.map(({ q, texts }) => {
            const publishable = texts?.texts.filter((x) => x.state === 'publishable') ?? [];
            return (
              <section key={q.id}>
                <h3>{plain(q.label, lang)}</h3>
                <p>{t.freeTextsCount(texts?.publishable ?? 0, texts?.total ?? 0)}</p>
                {publishable.length ? (
                  <ul class="md-report-texts">
                    {publishable.map((x) => (
                      <li key={x.id}>{x.text}</li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.noPublishable}</p>
                )}
              </section>
            );
          })}
        </section>
      )}
      <section aria-labelledby="md-report-method">
        <h2 id="md-report-method">{t.methodHeading}</h2>
        <p>{t.method(results.byMethod.web > 0, results.byMethod.paper + results.byMethod.meeting > 0)}</p>
      </section>
    </article>
  );
}
