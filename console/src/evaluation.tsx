import { useEffect, useState } from 'preact/hooks';
import { type EvaluationBody, type Judgement, judgements } from '../../shared/evaluation/schema';
import { evaluationCatalogues } from '../../shared/messages/evaluation';
import { dialogueEvaluationFigures } from '../../shared/presentation/evaluation-figures';
import { longDate, plain } from '../../shared/presentation/html';
import { type DialogueEvaluation, type DialogueViewProps, type MailoutProgress, Refused } from './api';
import { Field, Problems, refusalOf } from './fields';

type Judged = 'purpose' | 'method' | 'accessibility';
const JUDGED: readonly Judged[] = ['purpose', 'method', 'accessibility'];
type Texts = 'reached' | 'missed' | 'worked' | 'change';

interface Form {
  readonly answers: Record<Judged, Judgement | ''>;
  readonly comments: Record<Judged, string>;
  readonly texts: Record<Texts, string>;
}

const formOf = (e: DialogueEvaluation['evaluation']): Form => ({
  answers: {
    purpose: e?.purpose.answer ?? '',
    method: e?.method.answer ?? '',
    accessibility: e?.accessibility.answer ?? '',
  },
  comments: {
    purpose: e?.purpose.comment ?? '',
    method: e?.method.comment ?? '',
    accessibility: e?.accessibility.comment ?? '',
  },
  texts: {
    reached: e?.representation.reached ?? '',
    missed: e?.representation.missed ?? '',
    worked: e?.worked ?? '',
    change: e?.change ?? '',
  },
});

/** The form as the API takes it; an unanswered question is left out, so the API names it among the problems. */
const bodyOf = (form: Form): EvaluationBody => {
  const judged = (k: Judged) => ({
    ...(form.answers[k] ? { answer: form.answers[k] } : {}),
    ...(form.comments[k].trim() ? { comment: form.comments[k] } : {}),
  });
  return {
    purpose: judged('purpose'),
    method: judged('method'),
    accessibility: judged('accessibility'),
    representation: { reached: form.texts.reached, missed: form.texts.missed },
    ...(form.texts.worked.trim() ? { worked: form.texts.worked } : {}),
    ...(form.texts.change.trim() ? { change: form.texts.change } : {}),
  } as EvaluationBody;
};

/**
 * `#/d/{id}/evaluation` (P14): the dialogue's figures, and the lead committee's own evaluation once the feedback
 * is out; saving it moves the dialogue to `evaluated`, and it can be corrected later.
 */
export function Evaluation(props: DialogueViewProps & { mayManage: (lead: string) => boolean }) {
  const { api, id, lang } = props;
  const e = evaluationCatalogues[lang];
  const c = e.console;
  const [figures, setFigures] = useState<DialogueEvaluation>();
  const [mailout, setMailout] = useState<MailoutProgress>();
  const [form, setForm] = useState<Form>();
  const [said, setSaid] = useState<{ text: string; problems: string[] }>();
  useEffect(() => {
    void Promise.all([api.evaluation(id), api.mailout(id).catch(() => undefined)])
      .then(([loaded, progress]) => {
        setFigures(loaded);
        setMailout(progress);
        setForm(formOf(loaded.evaluation));
      })
      .catch(props.onError);
  }, [id]);
  if (!figures || !form) return <p aria-live="polite">{props.t.loading}</p>;

  const title = plain(figures.title, lang);
  const manages = props.mayManage(figures.leadCommittee);
  const ready = (figures.status === 'decided' || figures.status === 'evaluated') && mailout?.status === 'done';
  const setAnswer = (k: Judged, answer: Judgement) => setForm({ ...form, answers: { ...form.answers, [k]: answer } });
  const setComment = (k: Judged) => (event: Event) =>
    setForm({ ...form, comments: { ...form.comments, [k]: (event.currentTarget as HTMLTextAreaElement).value } });
  const setText = (k: Texts) => (event: Event) =>
    setForm({ ...form, texts: { ...form.texts, [k]: (event.currentTarget as HTMLTextAreaElement).value } });
  const save = () =>
    api
      .recordEvaluation(id, bodyOf(form))
      .then((saved) => {
        setFigures(saved);
        setSaid({ text: c.saved, problems: [] });
      })
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) return props.onError(error);
        setSaid(refusalOf(error, props.t, lang));
      });

  return (
    <>
      <p>
        <a href={`#/d/${id}`}>{props.t.backToDialogue}</a>
      </p>
      <h1>{e.page.dialogueHeading(title)}</h1>
      <div
        class="md-figures"
        dangerouslySetInnerHTML={{ __html: dialogueEvaluationFigures(figures, lang).toString() }}
      />
      <section aria-labelledby="md-evaluation-heading">
        <h2 id="md-evaluation-heading">{c.formHeading}</h2>
        {figures.evaluation && <p>{c.evaluatedAt(longDate(figures.evaluation.evaluatedAt, lang))}</p>}
        {!ready ? (
          <p>{c.notYet}</p>
        ) : !manages ? (
          <p>{c.readOnly}</p>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <p>{c.formLead}</p>
            {said && <Problems lead={said.text} problems={said.problems} role="status" />}
            {JUDGED.map((k) => (
              <fieldset key={k} class="md-question">
                <legend>{e.questions[k]}</legend>
                {judgements.map((j) => (
                  <div class="md-choice" key={j}>
                    <input
                      type="radio"
                      id={`md-e-${k}-${j}`}
                      name={`md-e-${k}`}
                      checked={form.answers[k] === j}
                      onChange={() => setAnswer(k, j)}
                    />
                    <label for={`md-e-${k}-${j}`}>{e.judgements[j]}</label>
                  </div>
                ))}
                <Field id={`md-e-${k}-comment`} label={e.questions.comment}>
                  <textarea id={`md-e-${k}-comment`} value={form.comments[k]} onInput={setComment(k)} />
                </Field>
              </fieldset>
            ))}
            {(['reached', 'missed', 'worked', 'change'] as const).map((k) => (
              <Field key={k} id={`md-e-${k}`} label={e.questions[k]}>
                <textarea id={`md-e-${k}`} value={form.texts[k]} onInput={setText(k)} />
              </Field>
            ))}
            <button type="submit" class="md-submit">
              {c.save}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
