import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../shared/messages/language';
import { closedAt } from '../../shared/dialogue/public-view';
import { longDate, plain } from '../../shared/presentation/html';
import { resultsFigures } from '../../shared/presentation/results-page';
import {
  type ApiClient,
  type ExportLink,
  type OfficialResults,
  type PublicDefinition,
  Refused,
  type StoredDialogue,
  type DialogueViewProps,
} from './api';
import { refusalOf } from './fields';
import { saveFile, saveLink } from './download';
import { FreeTextList } from './free-texts';

/** What the results views need, loaded together: the stored dialogue, what citizens see of it, the live results. */
export interface Loaded {
  readonly stored: StoredDialogue;
  readonly definition: PublicDefinition;
  readonly results: OfficialResults;
}

export const loadResults = async (api: ApiClient, id: string): Promise<Loaded> => {
  const [stored, definition, results] = await Promise.all([
    api.dialogue(id),
    api.publicDefinition(id),
    api.results(id),
  ]);
  // What citizens see may come from a cache a few seconds old; the status and the close are the stored ones.
  const closed = closedAt(stored);
  return {
    stored,
    definition: {
      ...definition,
      status: stored.status,
      closesAt: stored.closesAt,
      ...(closed ? { closedAt: closed } : {}),
    },
    results,
  };
};

/** The figures as the public results page draws them (one source for how results look). */
export const Figures = (props: { loaded: Loaded; lang: Language }) => (
  <div
    class="md-figures"
    dangerouslySetInnerHTML={{
      __html: resultsFigures(props.loaded.definition, props.loaded.results, props.lang).toString(),
    }}
  />
);

/**
 * Exports every response and downloads it: the API streams the file to storage and answers a link that needs no
 * token (a presigned S3 URL in AWS), which the browser saves as the file it names.
 */
async function downloadExport(api: ApiClient, id: string, format: ExportLink['format']): Promise<void> {
  const { url, filename } = await api.exportResponses(id, format);
  saveLink(url, filename);
}

/** `#/d/{id}/results`: the live results, unsuppressed, with every free text to search and moderate. */
export function Results(props: DialogueViewProps) {
  const { api, id, lang } = props;
  const t = props.t.results;
  const [loaded, setLoaded] = useState<Loaded>();
  const [refused, setRefused] = useState<string>();
  const load = () => loadResults(api, id).then(setLoaded);
  useEffect(() => void load().catch(props.onError), [id]);
  if (!loaded) return <p aria-live="polite">{props.t.loading}</p>;
  const { stored, definition, results } = loaded;
  const moderate = (questionId: string) => (textId: string, publishable: boolean) =>
    api
      .moderate(id, { questionId, textId, state: publishable ? 'publishable' : 'hidden' })
      .then(load)
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof Refused) setRefused(refusalOf(error, props.t, lang).text);
        else props.onError(error);
        return false;
      });
  const textQuestions = definition.questions.filter((q) => q.type === 'text');
  return (
    <>
      <p class="md-no-print">
        <a href={`#/d/${id}`}>{props.t.backToDialogue}</a>
      </p>
      <h1>{t.heading(plain(stored.title, lang))}</h1>
      <p>{results.updatedAt ? t.live(results.responseCount, longDate(results.updatedAt, lang)) : t.notCounted}</p>
      <ul class="md-actions">
        <li>
          <button
            type="button"
            class="md-secondary"
            onClick={() =>
              void api
                .resultsCsv(id)
                .then((csv) => saveFile(csv, `resultat-${id}.csv`))
                .catch(props.onError)
            }
          >
            {t.csv}
          </button>
        </li>
        {/* The export holds the free texts, so it is offered where they are shown: to the lead committee. */}
        {results.freeTexts &&
          (['csv', 'json'] as const).map((format) => (
            <li key={format}>
              <button
                type="button"
                class="md-secondary"
                onClick={() => void downloadExport(api, id, format).catch(props.onError)}
              >
                {t.exportAll[format]}
              </button>
            </li>
          ))}
        <li>
          <a href={`#/d/${id}/report`}>{t.reportLink}</a>
        </li>
        {stored.status === 'open' && (
          <li>
            <a href={`#/d/${id}/entry`}>{t.entryLink}</a>
          </li>
        )}
      </ul>
      <Figures loaded={loaded} lang={lang} />
      {results.freeTexts && textQuestions.length > 0 && (
        <section aria-labelledby="md-free-texts-heading">
          <h2 id="md-free-texts-heading">{t.freeTextsHeading}</h2>
          <p>{t.freeTextsLead}</p>
          {refused && <p role="alert">{refused}</p>}
          {textQuestions.map((q) => {
            const texts = results.freeTexts?.[q.id];
            return texts && texts.total > 0 ? (
              <FreeTextList
                key={q.id}
                questionId={q.id}
                label={plain(q.label, lang)}
                texts={texts}
                t={t}
                moderate={moderate(q.id)}
              />
            ) : (
              <p key={q.id}>{t.noTexts}</p>
            );
          })}
        </section>
      )}
    </>
  );
}
