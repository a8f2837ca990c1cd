import type { ComponentChildren } from 'preact';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import type { Refused } from './api';

/** A labelled field of the console's forms, in the product's styles. */
export function Field(props: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="md-question">
      <label class="md-label" for={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/** A choice among `options`, with an empty first choice until one is made. */
export function Choice(props: {
  id: string;
  label: string;
  value: string;
  empty: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  disabled: boolean;
  onChange(event: Event): void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select id={props.id} value={props.value} onChange={props.onChange} disabled={props.disabled}>
        <option value="">{props.empty}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** What the API refused, said at once: the lead line, then each problem. */
export function Problems(props: { lead: string; problems: readonly string[]; role: 'alert' | 'status' }) {
  return (
    <div role={props.role} class={props.problems.length ? 'md-summary' : undefined}>
      <p>{props.lead}</p>
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What to say of a refusal: the API's own words, then each issue with the field it names. */
export const refusalOf = (error: Refused, t: ConsoleCatalogue, lang: Language) => ({
  text: `${t.refused} ${lang === 'en' ? error.said.en : error.said.sv}`,
  problems: error.issues.map((i) => `${i.path}: ${lang === 'en' ? i.messageEn : i.message}`),
});
