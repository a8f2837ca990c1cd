import { useEffect, useRef, useState } from 'preact/hooks';
import type { Issue } from '../../shared/errors';
import { entryMethods, type EntryMethod } from '../../shared/responses/methods';
import { answerFields } from '../../shared/presentation/form';
import { type FormFields, applyMove, fieldNames, responseBodyFromForm } from '../../shared/presentation/form-body';
import { plain } from '../../shared/presentation/html';
import { type PublicDefinition, Refused, type StoredDialogue, type DialogueViewProps } from './api';
import { Problems, refusalOf } from './fields';

/**
 * `#/d/{id}/entry` (P10): an official enters a paper form's or a meeting's response, with the citizen's own fields
 * (shared/presentation/form.ts) read the way the form's no-JS post is read, so both give the same answers.
 */
export function Entry(props: DialogueViewProps) {
  const { api, id, lang } = props;
  const t = props.t.entry;
  const [stored, setStored] = useState<StoredDialogue>();
  const [definition, setDefinition] = useState<PublicDefinition>();
  const [method, setMethod] = useState<EntryMethod>('paper');
  const [fields, setFields] = useState<FormFields>();
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [entered, setEntered] = useState(0);
  const [said, setSaid] = useState<{ text: string; problems: string[] }>();
  const [version, setVersion] = useState(0);
  const saidRef = useRef<HTMLDivElement>(null);
  useEffect(
    () =>
      void Promise.all([api.dialogue(id), api.publicDefinition(id)])
        .then(([s, d]) => {
          setStored(s);
          setDefinition(d);
        })
        .catch(props.onError),
    [id],
  );
  useEffect(() => saidRef.current?.focus(), [said]);
  if (!stored || !definition) return <p aria-live="polite">{props.t.loading}</p>;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const submitter = event.submitter as HTMLButtonElement | null;
    // A ranking's up and down buttons move an item, as they do in the citizen's form without JavaScript.
    if (submitter?.name === fieldNames.move) return setFields(applyMove(data, submitter.value));
    const body = { ...responseBodyFromForm(definition, data), submissionId, method };
    api
      .enterResponse(id, body)
      .then(() => {
        setEntered(entered + 1);
        setSubmissionId(crypto.randomUUID());
        setFields(undefined);
        setIssues([]);
        setVersion(version + 1);
        form.reset();
        setSaid({ text: t.saved(entered + 1), problems: [] });
      })
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) return props.onError(error);
        setFields(data);
        setIssues(error.issues);
        setSaid(refusalOf(error, props.t, lang));
      });
  };
  return (
    <>
      <p>
        <a href={`#/d/${id}/results`}>{t.back}</a>
      </p>
      <h1>{t.heading(plain(stored.title, lang))}</h1>
      <p>{t.lead}</p>
      {stored.status !== 'open' ? (
        <p role="status">{t.notOpen}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {/* Enter in a field submits through the first submit button: this one, not a ranking's move. */}
          <button type="submit" hidden>
            {t.save}
          </button>
          <fieldset class="md-question">
            <legend class="md-label">{t.methodLegend}</legend>
            {entryMethods.map((m) => (
              <label key={m} class="md-choice">
                <input
                  type="radio"
                  name="md-entry-method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />{' '}
                {t.methods[m]}
              </label>
            ))}
          </fieldset>
          <div
            key={version}
            dangerouslySetInnerHTML={{
              __html: answerFields(definition, { lang, fields, issues, topHeading: 1 }).toString(),
            }}
          />
          <p class="md-note">{t.contactNote}</p>
          <input type="hidden" name={fieldNames.language} value={lang} />
          <div ref={saidRef} tabIndex={-1}>
            {said && (
              <Problems lead={said.text} problems={said.problems} role={said.problems.length ? 'alert' : 'status'} />
            )}
          </div>
          <button type="submit" class="md-submit">
            {t.save}
          </button>
        </form>
      )}
    </>
  );
}
