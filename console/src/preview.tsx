import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { Language } from '../../shared/messages/language';
import { publicLinks } from '../../shared/presentation/links';
import type { ApiClient } from './api';

/** The fragment in a shadow root of its own, as embed.js places it (its scripts do not run: a picture of it). */
function Frame(props: { markup: string; label: string; width?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.innerHTML = props.markup;
    root.querySelector('.md-root')?.removeAttribute('hidden');
    // A picture: nothing in it can be sent or reached by Tab from the console.
    for (const control of root.querySelectorAll('input, select, textarea, button, a'))
      control.setAttribute('inert', '');
    root.querySelector('.md-root')?.setAttribute('inert', '');
  }, [props.markup]);
  return (
    <figure class="md-preview">
      <figcaption>{props.label}</figcaption>
      {/* It scrolls: a region a keyboard can reach and scroll (WCAG 2.1.1). */}
      <div
        ref={host}
        class={props.width === 'phone' ? 'md-preview-phone' : 'md-preview-desktop'}
        role="region"
        tabIndex={0}
        aria-label={props.label}
      />
    </figure>
  );
}

/** Text to paste elsewhere, with a button that copies it and says so. */
export function Snippet(props: { label: string; code: string; copy: string; copied: string; id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="md-snippet">
      <p id={props.id}>{props.label}</p>
      <pre aria-labelledby={props.id} tabIndex={0}>
        <code>{props.code}</code>
      </pre>
      <button
        type="button"
        class="md-secondary"
        onClick={() => void navigator.clipboard?.writeText(props.code).then(() => setCopied(true))}
      >
        {props.copy}
      </button>
      <span role="status">{copied ? props.copied : ''}</span>
    </div>
  );
}

/** P8: the form as citizens will meet it, at a phone's width and a computer's, and what the web editor pastes. */
export function Preview(props: {
  api: ApiClient;
  id: string;
  t: ConsoleCatalogue;
  lang: Language;
  publicBase: string;
  version: number;
}) {
  const { api, id, t, lang } = props;
  const [markup, setMarkup] = useState('');
  useEffect(
    () =>
      void api
        .preview(id, lang)
        .then(setMarkup)
        .catch(() => setMarkup('')),
    [id, lang, props.version],
  );
  const links = publicLinks(props.publicBase);
  const origin = new URL(props.publicBase).origin;
  const script = `<div id="dialog-form"></div>\n<script src="${links.embedScript}" data-dialogue="${id}" data-target="#dialog-form" async></script>`;
  const iframe = `<iframe src="${links.form(id)}" title="Enkät" height="900"></iframe>\n<script src="${links.embedScript}" async></script>`;
  const csp = `script-src  … ${origin}\nstyle-src   … ${origin}\nconnect-src … ${origin}\nframe-src   … ${origin}`;
  return (
    <section aria-labelledby="md-preview-heading">
      <h2 id="md-preview-heading">{t.previewHeading}</h2>
      <p>{t.previewLead}</p>
      {markup && (
        <div class="md-previews">
          <Frame markup={markup} label={t.previewPhone} width="phone" />
          <Frame markup={markup} label={t.previewDesktop} />
        </div>
      )}
      <h2>{t.embedHeading}</h2>
      <Snippet id="md-snippet-script" label={t.embedScript} code={script} copy={t.copyScript} copied={t.copied} />
      <Snippet id="md-snippet-iframe" label={t.embedIframe} code={iframe} copy={t.copyIframe} copied={t.copied} />
      <Snippet id="md-snippet-csp" label={t.embedCsp} code={csp} copy={t.copyCsp} copied={t.copied} />
    </section>
  );
}
