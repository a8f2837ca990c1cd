import { useEffect, useState } from 'preact/hooks';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import { publicLinks } from '../../shared/presentation/links';
import { type MailoutProgress, Refused, type StoredDialogue, type DialogueViewProps } from './api';
import { type DecisionForm, decisionBodyOf, decisionFormOf } from './decision-form';
import { Choice, Field, Problems, refusalOf } from './fields';

const POLL_MS = 1000;

/** The mailout as it goes: a progress bar with its numbers, followed until done. */
function Mailout(props: { progress: MailoutProgress; t: ConsoleCatalogue['decision'] }) {
  const { progress, t } = props;
  const handled = progress.sent + progress.failed;
  return (
    <section aria-labelledby="md-mailout-heading">
      <h2 id="md-mailout-heading">{t.mailoutHeading}</h2>
      <label class="md-label" for="md-mailout-bar">
        {t.mailoutLabel}
      </label>
      <progress id="md-mailout-bar" max={Math.max(progress.total, 1)} value={progress.total ? handled : 1} />
      <p id="md-mailout-counts">{t.mailoutCounts(progress.sent, progress.failed, progress.pending)}</p>
      <p role="status">{progress.status === 'done' ? t.mailoutDone : t.mailoutSending}</p>
    </section>
  );
}

/**
 * The committee's decision (P11, P12): registered after a confirmation that says how many will be emailed, then
 * the mailout followed to the end; correctable until the first email is out, and refused in the API's words after.
 */
export function Decision(props: DialogueViewProps & { publicBase: string }) {
  const { api, id, lang } = props;
  const t = props.t.decision;
  const [stored, setStored] = useState<StoredDialogue>();
  const [form, setForm] = useState<DecisionForm>();
  const [progress, setProgress] = useState<MailoutProgress>();
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState<{ text: string; problems: string[] }>();

  const load = async () => {
    const [dialogue, mailout] = await Promise.all([api.dialogue(id), api.mailout(id)]);
    setStored(dialogue);
    setForm(decisionFormOf(dialogue.decisionRecord, dialogue.caseNumber));
    setProgress(mailout);
  };
  useEffect(() => void load().catch(props.onError), [id]);
  // Follows the mailout while it sends.
  useEffect(() => {
    if (progress?.status !== 'sending') return;
    const timer = setTimeout(() => void api.mailout(id).then(setProgress).catch(props.onError), POLL_MS);
    return () => clearTimeout(timer);
  }, [progress]);
  if (!stored || !form || !progress) return <p aria-live="polite">{props.t.loading}</p>;

  const decided = stored.status === 'decided';
  // Corrections end with the first email (the API refuses them after); said here before anyone tries.
  const locked = decided && progress.sent + progress.failed > 0;
  const body = decisionBodyOf(form, stored.decisionRecord);
  const send = (work: () => Promise<unknown>, done: string) =>
    work()
      .then(() => load())
      .then(() => setSaid({ text: done, problems: [] }))
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) return props.onError(error);
        setSaid(refusalOf(error, props.t, lang));
      })
      .finally(() => setConfirming(false));
  const set = (field: keyof DecisionForm) => (event: Event) =>
    setForm({ ...form, [field]: (event.currentTarget as HTMLInputElement).value });
  const input = (field: keyof DecisionForm, type: 'text' | 'date' | 'url' | 'textarea' = 'text') => (
    <Field id={`md-d-${field}`} label={t.fields[field]}>
      {type === 'textarea' ? (
        <textarea id={`md-d-${field}`} value={form[field]} onInput={set(field)} disabled={locked} />
      ) : type === 'date' ? (
        <input id={`md-d-${field}`} type="date" value={form[field]} onInput={set(field)} disabled={locked} />
      ) : type === 'url' ? (
        <input id={`md-d-${field}`} type="url" value={form[field]} onInput={set(field)} disabled={locked} />
      ) : (
        <input id={`md-d-${field}`} type="text" value={form[field]} onInput={set(field)} disabled={locked} />
      )}
    </Field>
  );
  const alternatives = stored.format.kind === 'alternatives' ? stored.format.alternatives : [];
  const title = (lang === 'en' && stored.title.en) || stored.title.sv;

  return (
    <>
      <p>
        <a href={`#/d/${id}`}>{props.t.backToDialogue}</a>
      </p>
      <h1>{t.heading(title)}</h1>
      <p>{t.lead}</p>
      {said && <Problems lead={said.text} problems={said.problems} role="status" />}
      {stored.status !== 'closed' && !decided ? (
        <p>{t.notClosed}</p>
      ) : (
        <form
          aria-labelledby="md-decision-heading"
          onSubmit={(event) => {
            event.preventDefault();
            if (decided) void send(() => api.correctDecision(id, body), t.corrected);
            else setConfirming(true);
          }}
        >
          <h2 id="md-decision-heading">{decided && !locked ? t.correctHeading : t.formHeading}</h2>
          {decided && <p>{locked ? t.tooLate : t.correctLead}</p>}
          {input('summary', 'textarea')}
          {input('motivation', 'textarea')}
          {input('inputUse', 'textarea')}
          {input('decidedAt', 'date')}
          {input('meeting')}
          {input('paragraph')}
          {input('caseNumber')}
          {input('link', 'url')}
          {alternatives.length > 0 && (
            <Choice
              id="md-d-chosenAlternative"
              label={t.fields.chosenAlternative}
              value={form.chosenAlternative}
              empty={props.t.choose}
              options={alternatives.map((a) => ({ value: a.id, label: (lang === 'en' && a.title.en) || a.title.sv }))}
              disabled={locked}
              onChange={set('chosenAlternative')}
            />
          )}
          {confirming ? (
            <div
              role="alertdialog"
              aria-labelledby="md-confirm-heading"
              aria-describedby="md-confirm-text"
              class="md-confirm"
            >
              <h3 id="md-confirm-heading">{t.confirmHeading}</h3>
              <p id="md-confirm-text">{t.confirmMailout(progress.total)}</p>
              <button
                type="button"
                class="md-submit"
                ref={(button) => button?.focus()}
                onClick={() => void send(() => api.decide(id, body), t.registered)}
              >
                {t.register}
              </button>{' '}
              <button type="button" class="md-secondary" onClick={() => setConfirming(false)}>
                {t.changeFirst}
              </button>
            </div>
          ) : (
            !locked && (
              <button type="submit" class="md-submit">
                {decided ? t.correct : t.review}
              </button>
            )
          )}
        </form>
      )}
      {decided && (
        <>
          <Mailout progress={progress} t={t} />
          <p>
            <a href={publicLinks(props.publicBase).results(id, lang)}>{t.seeResults}</a>
          </p>
        </>
      )}
    </>
  );
}
