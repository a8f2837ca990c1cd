import type { ComponentChildren } from 'preact';

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
