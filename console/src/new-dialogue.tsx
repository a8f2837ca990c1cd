import { useState } from 'preact/hooks';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import type { Committee } from '../../shared/municipality';
import { type ApiClient, Refused } from './api';
import { Field, Problems } from './fields';

/** A new draft: a title and the lead committee (one of the caller's own, or any for an admin). */
export function NewDialogue(props: {
  api: ApiClient;
  t: ConsoleCatalogue;
  lang: Language;
  mine: Committee[];
  onError(e: unknown): void;
}) {
  const { api, t, lang, mine } = props;
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState(mine[0]?.id ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (event: Event) => {
    event.preventDefault();
    api
      .create({ title: { sv: title.trim() }, leadCommittee: lead })
      .then((created) => (window.location.hash = `#/d/${created.id}`))
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) return props.onError(error);
        setProblems(
          error.issues.length
            ? error.issues.map((i) => (lang === 'en' ? i.messageEn : i.message))
            : [lang === 'en' ? error.said.en : error.said.sv],
        );
      });
  };
  return (
    <>
      <p>
        <a href="#/">{t.back}</a>
      </p>
      <h1>{t.newHeading}</h1>
      <p>{t.newLead}</p>
      {problems.length > 0 && <Problems lead={t.refused} problems={problems} role="alert" />}
      <form onSubmit={submit}>
        <Field id="md-new-title" label={t.titleLabel}>
          <input
            id="md-new-title"
            type="text"
            required
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </Field>
        <Field id="md-new-lead" label={t.leadLabel}>
          <select id="md-new-lead" value={lead} onChange={(e) => setLead(e.currentTarget.value)}>
            {mine.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="md-submit">
          {t.create}
        </button>
      </form>
    </>
  );
}
