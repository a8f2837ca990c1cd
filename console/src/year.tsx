import { useEffect, useState } from 'preact/hooks';
import { evaluationCatalogues } from '../../shared/messages/evaluation';
import { yearEvaluationFigures } from '../../shared/presentation/evaluation-figures';
import { longDate } from '../../shared/presentation/html';
import type { ApiClient, YearEvaluation } from './api';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import { saveFile } from './download';
import { Field } from './fields';

/**
 * `#/evaluation/{year}` (P14): every committee's dialogues of a year, with charts beside their tables, as a CSV,
 * and printed as the yearly report for kommunstyrelsen (the print stylesheet breaks the page at each section).
 */
export function Year(props: {
  api: ApiClient;
  year: number;
  t: ConsoleCatalogue;
  lang: Language;
  onError(error: unknown): void;
}) {
  const { api, year, lang } = props;
  const e = evaluationCatalogues[lang];
  const [loaded, setLoaded] = useState<YearEvaluation>();
  const [chosen, setChosen] = useState(String(year));
  useEffect(() => {
    setLoaded(undefined);
    setChosen(String(year));
    void api.year(year).then(setLoaded).catch(props.onError);
  }, [year]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <article class="md-report md-year-report">
      <p class="md-no-print">
        <a href="#/">{props.t.myDialogues}</a>
      </p>
      <form
        class="md-no-print md-year-filter"
        onSubmit={(event) => {
          event.preventDefault();
          window.location.hash = `#/evaluation/${chosen}`;
        }}
      >
        <Field id="md-year" label={e.console.year}>
          <select
            id="md-year"
            value={chosen}
            onChange={(ev) => setChosen((ev.currentTarget as HTMLSelectElement).value)}
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="md-secondary">
          {e.console.show}
        </button>
      </form>
      <h1>{e.page.yearHeading(year)}</h1>
      <p>{e.page.yearLead(year)}</p>
      <p>{e.console.generated(longDate(new Date().toISOString(), lang))}</p>
      {!loaded ? (
        <p aria-live="polite">{props.t.loading}</p>
      ) : (
        <>
          <p class="md-no-print">
            <button
              type="button"
              class="md-secondary"
              onClick={() =>
                void api
                  .yearCsv(year)
                  .then((csv) => saveFile(csv, `utvardering-${year}.csv`))
                  .catch(props.onError)
              }
            >
              {e.console.csv}
            </button>{' '}
            <button type="button" class="md-submit" onClick={() => window.print()}>
              {e.console.print}
            </button>
          </p>
          <div
            class="md-figures"
            dangerouslySetInnerHTML={{ __html: yearEvaluationFigures(loaded, lang).toString() }}
          />
        </>
      )}
    </article>
  );
}
