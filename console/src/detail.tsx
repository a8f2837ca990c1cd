import { useEffect, useState } from 'preact/hooks';
import type { Question } from '../../shared/dialogue/questions';
import { influenceLevels } from '../../shared/dialogue/schema';
import { catalogues } from '../../shared/messages/catalogue';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import type { Committee } from '../../shared/municipality';
import { missingForOpening } from '../../shared/dialogue/rules';
import { type ApiClient, type AuditEntries, Refused, type StoredDialogue } from './api';
import { AuditLog } from './audit-log';
import { Checklist } from './checklist';
import { type ConditionsForm, definitionWith, formOf } from './conditions';
import { Choice, Field, Problems, refusalOf } from './fields';
import { evaluationCatalogues } from '../../shared/messages/evaluation';
import { Preview } from './preview';
import { QuestionEditor } from './question-editor';

type Props = {
  api: ApiClient;
  id: string;
  t: ConsoleCatalogue;
  lang: Language;
  committees: Committee[];
  publicBase: string;
  onError(error: unknown): void;
};

/** One dialogue: its conditions with the policy checklist beside them, opening and closing, and its change log. */
export function Detail({ api, id, t, lang, committees, publicBase, onError }: Props) {
  const [stored, setStored] = useState<StoredDialogue>();
  const [audit, setAudit] = useState<AuditEntries>([]);
  const [form, setForm] = useState<ConditionsForm>();
  const [questions, setQuestions] = useState<Question[]>([]);
  const [said, setSaid] = useState<{ text: string; problems: string[] }>();

  const load = async () => {
    const [dialogue, entries] = await Promise.all([api.dialogue(id), api.audit(id)]);
    setStored(dialogue);
    setForm(formOf(dialogue));
    setQuestions(dialogue.questions);
    setAudit(entries);
  };
  useEffect(() => void load().catch(onError), [id]);
  if (!stored || !form) return <p aria-live="polite">{t.loading}</p>;

  const definition = { ...definitionWith(stored, form), questions };

  const gaps = missingForOpening(definition, new Date());
  const editable = stored.status === 'draft' || stored.status === 'open';
  const act = (work: () => Promise<unknown>, done: string) =>
    work()
      .then(() => load())
      .then(() => setSaid({ text: done, problems: [] }))
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) return onError(error);
        setSaid(refusalOf(error, t, lang));
      });
  const set = (field: keyof ConditionsForm) => (event: Event) =>
    setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });
  const input = (field: keyof ConditionsForm, type: 'text' | 'date' | 'textarea' = 'text') => (
    <Field id={`md-c-${field}`} label={t.fields[field as keyof ConsoleCatalogue['fields']]}>
      {type === 'textarea' ? (
        <textarea id={`md-c-${field}`} value={form[field]} onInput={set(field)} disabled={!editable} />
      ) : type === 'date' ? (
        <input id={`md-c-${field}`} type="date" value={form[field]} onInput={set(field)} disabled={!editable} />
      ) : (
        <input id={`md-c-${field}`} type="text" value={form[field]} onInput={set(field)} disabled={!editable} />
      )}
    </Field>
  );
  const title = (lang === 'en' && stored.title.en) || stored.title.sv;

  return (
    <>
      <p>
        <a href="#/">{t.back}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t.columns.status}: <strong>{t.status[stored.status]}</strong>
      </p>
      {said && <Problems lead={said.text} problems={said.problems} role="status" />}
      <div class="md-console-columns">
        <form
          aria-labelledby="md-conditions-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => api.update(id, definition), t.saved);
          }}
        >
          <h2 id="md-conditions-heading">{t.conditionsHeading}</h2>
          {input('summary', 'textarea')}
          {input('background', 'textarea')}
          {input('targetGroup', 'textarea')}
          {input('question', 'textarea')}
          <Choice
            id="md-c-influenceLevel"
            label={t.fields.influenceLevel}
            value={form.influenceLevel}
            empty={t.choose}
            options={influenceLevels.map((level) => ({ value: level, label: catalogues[lang].influenceLevels[level] }))}
            disabled={!editable}
            onChange={set('influenceLevel')}
          />
          {input('canChange', 'textarea')}
          {input('cannotChange', 'textarea')}
          <Choice
            id="md-c-decisionCommittee"
            label={t.fields.decisionCommittee}
            value={form.decisionCommittee}
            empty={t.choose}
            options={committees.map((c) => ({ value: c.id, label: c.name }))}
            disabled={!editable}
            onChange={set('decisionCommittee')}
          />
          {input('decisionDate', 'date')}
          {input('feedbackHow', 'textarea')}
          {input('feedbackBy', 'date')}
          {input('closesAt', 'date')}
          <QuestionEditor
            questions={questions}
            onChange={setQuestions}
            t={t}
            locked={!editable || stored.firstResponseAt !== undefined}
          />
          {editable && (
            <button type="submit" class="md-submit">
              {t.save}
            </button>
          )}
        </form>
        <aside>
          <Checklist definition={definition} t={t} lang={lang} id="md-checklist-state" />
          {stored.status === 'draft' && (
            <>
              <button
                type="button"
                class="md-submit"
                disabled={gaps.length > 0}
                aria-describedby={gaps.length > 0 ? 'md-open-blocked' : undefined}
                onClick={() =>
                  void act(() => api.update(id, definition).then(() => api.setStatus(id, 'open')), t.opened)
                }
              >
                {t.open}
              </button>
              {gaps.length > 0 && <p id="md-open-blocked">{t.openBlocked}</p>}
            </>
          )}
          {stored.status === 'open' && (
            <button
              type="button"
              class="md-secondary"
              onClick={() => void act(() => api.setStatus(id, 'closed'), t.closedNow)}
            >
              {t.close}
            </button>
          )}
        </aside>
      </div>
      <p>
        <button
          type="button"
          class="md-secondary"
          onClick={() =>
            void api
              .create({ ...stored, title: { sv: t.copyTitle(stored.title.sv) } })
              .then((copy) => (window.location.hash = `#/d/${copy.id}`))
              .catch(onError)
          }
        >
          {t.copyDialogue}
        </button>
      </p>
      <p>
        <a href={`#/d/${id}/invitation`}>{t.invitationLink}</a>
      </p>
      {stored.status !== 'draft' && (
        <p>
          <a href={`#/d/${id}/results`}>{t.results.link}</a>
        </p>
      )}
      {(stored.status === 'closed' || stored.status === 'decided' || stored.status === 'evaluated') && (
        <p>
          <a href={`#/d/${id}/decision`}>{t.decision.link}</a>
        </p>
      )}
      {stored.status !== 'draft' && (
        <p>
          <a href={`#/d/${id}/evaluation`}>{evaluationCatalogues[lang].console.link}</a>
        </p>
      )}
      <Preview api={api} id={id} t={t} lang={lang} publicBase={publicBase} version={stored.version} />
      <AuditLog entries={audit} t={t} lang={lang} />
    </>
  );
}
