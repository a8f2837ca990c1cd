/**
 * embed.js: puts a dialogue's form on any page (`<script src=".../embed.js" data-dialogue="<id>" data-target="#el">`),
 * inside a shadow root so neither page's styles leak into the other, and enhances the server-rendered form
 * (also on the form's own page): client-side checks with the server's own rules and messages, ranking by
 * buttons, live character counts, submitting as JSON with one submissionId however often it is retried.
 * No cookies, no third-party requests, no globals.
 */
import type { PublicDefinition } from '../shared/dialogue/public-view';
import { type Issue, ValidationError } from '../shared/errors';
import { catalogues } from '../shared/messages/catalogue';
import { STYLESHEET_PATH } from '../shared/presentation/styles';
import { type Language, otherLanguage } from '../shared/messages/language';
import { validateResponse } from '../shared/responses/validate';
import {
  type FormFields,
  errorIdOf,
  fieldOfIssue,
  idOf,
  responseBodyFromForm,
  summaryLinkText,
} from '../shared/presentation/form-body';

type Root = Document | ShadowRoot;
type Lang = Language;

const fieldsOf = (form: HTMLFormElement): FormFields => {
  const data = new FormData(form);
  return {
    get: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : null;
    },
    getAll: (name) => data.getAll(name).filter((v): v is string => typeof v === 'string'),
  };
};

function showIssues(
  root: Root,
  form: HTMLFormElement,
  definition: PublicDefinition,
  issues: readonly Issue[],
  lang: Lang,
): void {
  const t = catalogues[lang].form;
  for (const slot of form.querySelectorAll<HTMLElement>('.md-error[id]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = form.querySelector<HTMLElement>('[data-summary]');
  const list = summary?.querySelector('ul');
  if (!summary || !list) return;
  list.textContent = '';
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = fieldOfIssue(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    const message = lang === 'en' ? issue.messageEn : issue.message;
    const slot = root.getElementById(errorIdOf(field));
    if (slot) {
      slot.textContent = `${t.errorPrefix} ${message}`;
      slot.hidden = false;
    }
    const control = root.getElementById(idOf(field));
    control?.setAttribute('aria-invalid', 'true');
    // Every control of a group (each radio, not only the first) is described by the error, as the server renders it.
    const controls = control?.matches('input,select,textarea')
      ? [control]
      : [...(control?.querySelectorAll<HTMLElement>('input:not([type=hidden]),select,textarea') ?? [])];
    // A required ranking has no checkbox, only its buttons.
    if (control && controls.length === 0) controls.push(...control.querySelectorAll<HTMLElement>('button'));
    for (const each of controls) {
      if (slot && !(each.getAttribute('aria-describedby') ?? '').split(' ').includes(slot.id)) {
        each.setAttribute('aria-describedby', `${each.getAttribute('aria-describedby') ?? ''} ${slot.id}`.trim());
      }
    }
    const input = controls[0];
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${idOf(field)}`;
    link.textContent = summaryLinkText(definition, field, message, lang);
    // In a shadow root a fragment link cannot reach the field, so move focus ourselves (also on the page).
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input?.focus();
    });
    item.append(link);
    list.append(item);
  }
  summary.hidden = issues.length === 0;
  if (issues.length > 0) summary.focus();
}

function enforceMaxChoices(group: HTMLElement): void {
  const max = Number(group.dataset.maxChoices);
  const boxes = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const full = boxes.filter((b) => b.checked).length >= max;
  for (const box of boxes) box.disabled = full && !box.checked;
}

function moveRankingItem(button: HTMLButtonElement, lang: Lang): void {
  const item = button.closest('li');
  const list = item?.parentElement;
  if (!item || !list) return;
  const up = button.value.endsWith(':up');
  const sibling = up ? item.previousElementSibling : item.nextElementSibling;
  if (!sibling) return;
  list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
  const items = [...list.children];
  items.forEach((li, i) => {
    const [upButton, downButton] = li.querySelectorAll('button');
    upButton?.setAttribute('aria-disabled', String(i === 0));
    downButton?.setAttribute('aria-disabled', String(i === items.length - 1));
  });
  const group = list.closest('fieldset');
  const include = group?.querySelector<HTMLInputElement>('input[type=checkbox]');
  if (include) include.checked = true;
  button.focus();
  const announce = group?.querySelector('[data-announce]');
  if (announce)
    announce.textContent = catalogues[lang].form.moved(
      item.querySelector('span')?.textContent ?? '',
      items.indexOf(item) + 1,
    );
}

function updateCounter(area: HTMLTextAreaElement, lang: Lang): void {
  const counter = area.parentElement?.querySelector('[data-counter]');
  if (counter)
    counter.textContent = catalogues[lang].form.charactersLeft(Math.max(0, area.maxLength - area.value.length));
}

async function submit(
  root: Root,
  form: HTMLFormElement,
  definition: PublicDefinition,
  apiBase: string,
  lang: Lang,
): Promise<void> {
  const t = catalogues[lang].form;
  const status = form.querySelector<HTMLElement>('[data-submit-error]');
  const button = form.querySelector<HTMLButtonElement>('.md-submit');
  const body = responseBodyFromForm(definition, fieldsOf(form));
  try {
    validateResponse(definition, body as Parameters<typeof validateResponse>[1], {
      localities: definition.profileQuestions.localities,
    });
  } catch (error) {
    if (error instanceof ValidationError) return showIssues(root, form, definition, error.issues, lang);
    throw error;
  }
  showIssues(root, form, definition, [], lang);
  if (status) status.hidden = true;
  if (button) {
    button.disabled = true;
    button.textContent = t.sending;
  }
  const fail = (message: string) => {
    if (status) {
      status.textContent = message;
      status.hidden = false;
    }
  };
  try {
    const response = await fetch(`${apiBase}/dialogues/${encodeURIComponent(definition.id)}/responses`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 201) {
      const receipt = (await response.json()) as { willReceiveFeedback: boolean };
      const template = root.querySelector<HTMLTemplateElement>('template[data-receipt-template]');
      const shown = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
      if (!shown) return;
      const email = shown.querySelector<HTMLElement>('[data-if-email]');
      if (email) email.hidden = !receipt.willReceiveFeedback;
      form.replaceWith(shown);
      shown.focus();
      return;
    }
    if (response.status === 400) {
      const answer = (await response.json()) as { issues?: Issue[] };
      return showIssues(root, form, definition, answer.issues ?? [], lang);
    }
    fail(response.status === 409 ? t.notOpen : t.serverError);
  } catch {
    // The same submissionId goes with the retry, so a request that did arrive is not stored twice.
    fail(t.networkError);
  } finally {
    if (button?.isConnected) {
      button.disabled = false;
      button.textContent = t.submit;
    }
  }
}

function enhance(root: Root, form: HTMLFormElement, apiBase: string, switchLanguage?: (lang: Lang) => void): void {
  const lang: Lang = form.dataset.lang === 'en' ? 'en' : 'sv';
  const definition = JSON.parse(root.getElementById('md-definition')?.textContent ?? '{}') as PublicDefinition;
  for (const group of form.querySelectorAll<HTMLElement>('[data-max-choices]')) {
    enforceMaxChoices(group);
    group.addEventListener('change', () => enforceMaxChoices(group));
  }
  let counterTimer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement)) return;
    // Counted after a pause in typing, so a screen reader is not interrupted at every key.
    clearTimeout(counterTimer);
    counterTimer = setTimeout(() => updateCounter(area, lang), 400);
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.md-move');
    if (!button) return;
    event.preventDefault();
    moveRankingItem(button, lang);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(root, form, definition, apiBase, lang);
  });
  const switcher = root.querySelector<HTMLAnchorElement>('[data-switch-language]');
  if (switcher && switchLanguage) {
    switcher.addEventListener('click', (event) => {
      event.preventDefault();
      switchLanguage(otherLanguage(lang));
    });
  }
}

/** The fragment stays hidden until its stylesheet has loaded (or failed: an unstyled form beats none). */
async function revealWhenStyled(root: ShadowRoot): Promise<void> {
  const sheet = root.querySelector<HTMLLinkElement>('link[rel=stylesheet]');
  if (sheet && !sheet.sheet) {
    await new Promise((done) => {
      sheet.addEventListener('load', done, { once: true });
      sheet.addEventListener('error', done, { once: true });
    });
  }
  root.querySelector('.md-root[hidden]')?.removeAttribute('hidden');
}

/** Where the form cannot be fetched: a link to the same form on a page of its own, in the form's own styles. */
async function showFallback(root: ShadowRoot, apiBase: string, href: string, lang: Lang): Promise<void> {
  const t = catalogues[lang].form;
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = `${apiBase}${STYLESHEET_PATH}`;
  const box = document.createElement('div');
  box.className = 'md-root';
  box.lang = lang;
  box.hidden = true;
  const paragraph = document.createElement('p');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = t.openFormLink;
  paragraph.append(`${t.embedFailed} `, link);
  box.append(paragraph);
  root.replaceChildren(sheet, box);
  await revealWhenStyled(root);
}

/** On the form's own page inside an iframe: tell the host page (embed.js there) how tall the form is. */
function reportHeight(): void {
  if (window.parent === window) return;
  const post = () =>
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(post).observe(document.body);
}

/** On a host page: each iframe of this API's form grows with its content, so a phone never scrolls inside it. */
function resizeFrames(apiOrigin: string): void {
  window.addEventListener('message', (event: MessageEvent<{ type?: unknown; height?: unknown }>) => {
    if (event.origin !== apiOrigin || event.data?.type !== HEIGHT_MESSAGE) return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
}

const HEIGHT_MESSAGE = 'medborgardialog:height';

async function embed(script: HTMLScriptElement): Promise<void> {
  const apiBase = new URL(script.src).origin;
  const dialogueId = script.dataset.dialogue ?? '';
  let host = script.dataset.target ? document.querySelector<HTMLElement>(script.dataset.target) : null;
  if (!host) {
    host = document.createElement('div');
    script.after(host);
  }
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const formUrl = `${apiBase}/form/${encodeURIComponent(dialogueId)}`;
  const load = async (lang: Lang): Promise<void> => {
    let answer: Response;
    try {
      answer = await fetch(`${formUrl}?format=fragment&lang=${lang}`, { credentials: 'omit' });
    } catch {
      // Most often CORS: this page's origin is not among the stage's allowed ones. The citizen still gets the form.
      console.warn(
        `Medborgardialog: the form could not be loaded from ${apiBase}. Add ${location.origin} to the stage's allowedOrigins (locally: ALLOWED_ORIGINS=${location.origin}).`,
      );
      return showFallback(root, apiBase, `${formUrl}?lang=${lang}`, lang);
    }
    // Only a fragment goes into the page: an overloaded API answers JSON (429, 5xx), and the citizen gets the link.
    if (!answer.headers.get('content-type')?.startsWith('text/html'))
      return showFallback(root, apiBase, `${formUrl}?lang=${lang}`, lang);
    root.innerHTML = await answer.text();
    await revealWhenStyled(root);
    const form = root.querySelector<HTMLFormElement>('form[data-md-form]');
    if (form)
      enhance(
        root,
        form,
        apiBase,
        (next) => void load(next).then(() => root.querySelector<HTMLElement>('[data-switch-language]')?.focus()),
      );
  };
  await load(script.dataset.lang === 'en' ? 'en' : 'sv');
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement && current.dataset.dialogue) {
  void embed(current);
} else {
  // A municipal page showing the form in an iframe loads this script beside it; the form's own page loads it too.
  resizeFrames(current instanceof HTMLScriptElement ? new URL(current.src).origin : location.origin);
  reportHeight();
  const start = () => {
    for (const form of document.querySelectorAll<HTMLFormElement>('form[data-md-form]'))
      enhance(document, form, location.origin);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
