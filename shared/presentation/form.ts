import { otherLanguage } from '../messages/language';
import type { PublicDefinition } from '../dialogue/public-view';
import { ageBands, relations } from '../dialogue/profile';
import type { Issue } from '../errors';
import { catalogues } from '../messages/catalogue';
import { type FormFields, errorIdOf, fieldNames, fieldOfIssue, helpIdOf, idOf, summaryLinkText } from './form-body';
import { type Html, type Language, heading, html, longDate, plain, raw, text } from './html';

type Question = PublicDefinition['questions'][number];

export interface FormState {
  readonly lang: Language;
  /** What the citizen entered so far (a re-rendered no-JS post), or nothing for a fresh form. */
  readonly fields?: FormFields;
  readonly issues?: readonly Issue[];
  readonly submissionId: string;
  /** Where the no-JS form posts. */
  readonly action: string;
  /** Link to the same form in the other language. */
  readonly switchLanguageHref: string;
  /** `h1` for a page of its own, `h2` when embedded in a municipal page. */
  readonly topHeading: 1 | 2;
}

function describedBy(field: string, hasHelp: boolean, error: string | undefined): string {
  return [hasHelp ? helpIdOf(field) : '', error ? errorIdOf(field) : ''].filter(Boolean).join(' ');
}

/** Every field has an error slot, filled by the server or, in the browser, by the script. */
function errorSlot(field: string, message: string | undefined, lang: Language): Html {
  return html`<p class="md-error" id="${errorIdOf(field)}" ${message ? raw('') : raw(' hidden')}>
    ${message ? `${catalogues[lang].form.errorPrefix} ${message}` : ''}
  </p>`;
}

const requiredTag = (required: boolean, lang: Language): Html =>
  html` <span class="md-tag">(${required ? catalogues[lang].form.required : catalogues[lang].form.optional})</span>`;

const checked = (on: boolean): Html => raw(on ? ' checked' : '');
const selected = (on: boolean): Html => raw(on ? ' selected' : '');

function choices(
  question: Question,
  type: 'radio' | 'checkbox',
  items: ReadonlyArray<{ value: string; label: Html }>,
  fields: FormFields | undefined,
  describedByIds: string,
): Html {
  const name = fieldNames.answer(question.id);
  const chosen = fields?.getAll(name) ?? [];
  return html`${items.map((item) => {
    const id = idOf(`${name}-${item.value}`);
    return html`<div class="md-choice">
      <input
        type="${type}"
        id="${id}"
        name="${name}"
        value="${item.value}"
        ${checked(chosen.includes(item.value))}${raw(describedByIds ? ` aria-describedby="${describedByIds}"` : '')}
      /><label for="${id}">${item.label}</label>
    </div>`;
  })}`;
}

function rankingOrder(question: Extract<Question, { type: 'ranking' }>, fields: FormFields | undefined): string[] {
  const all = (question.options ?? []).map((o) => o.id);
  const posted = fields?.getAll(fieldNames.rankItem(question.id)) ?? [];
  const order = posted.filter((id) => all.includes(id));
  return order.length === all.length && new Set(order).size === all.length ? order : all;
}

function questionControl(question: Question, state: FormState, error: string | undefined): Html {
  const { lang, fields } = state;
  const t = catalogues[lang].form;
  const field = fieldNames.answer(question.id);
  const help =
    question.type === 'multiple'
      ? html`${text(question.help, lang)} ${t.chooseAtMost(question.maxChoices)}`
      : question.type === 'ranking'
        ? html`${text(question.help, lang)} ${t.rankHelp}`
        : question.type === 'rating'
          ? html`${text(question.help, lang)} ${t.ratingScale(question.scale.min, question.scale.max)}`
          : question.help
            ? text(question.help, lang)
            : undefined;
  const describedByIds = describedBy(field, help !== undefined, error);
  const helpLine = help ? html`<p class="md-help" id="${helpIdOf(field)}">${help}</p>` : html``;
  const invalid = raw(error ? ' aria-invalid="true"' : '');
  const legend = html`<legend>${text(question.label, lang)}${requiredTag(question.required, lang)}</legend>`;
  const group = (content: Html, extra = '') =>
    html`<fieldset
      class="md-question"
      id="${idOf(field)}"
      data-field="${field}"
      data-type="${question.type}"
      ${raw(extra)}${invalid}
    >
      ${legend}${helpLine}${errorSlot(field, error, lang)}${content}
    </fieldset>`;

  switch (question.type) {
    case 'single':
      return group(
        choices(
          question,
          'radio',
          question.options.map((o) => ({ value: o.id, label: text(o.label, lang) })),
          fields,
          describedByIds,
        ),
      );
    case 'multiple':
      return group(
        choices(
          question,
          'checkbox',
          question.options.map((o) => ({ value: o.id, label: text(o.label, lang) })),
          fields,
          describedByIds,
        ),
        ` data-max-choices="${question.maxChoices}"`,
      );
    case 'yesno':
      return group(
        choices(
          question,
          'radio',
          [
            { value: 'true', label: html`${t.yes}` },
            { value: 'false', label: html`${t.no}` },
          ],
          fields,
          describedByIds,
        ),
      );
    case 'rating': {
      const { min, max, minLabel, maxLabel } = question.scale;
      const items = Array.from({ length: max - min + 1 }, (_, i) => min + i).map((value) => ({
        value: String(value),
        label:
          value === min
            ? html`${value} – ${text(minLabel, lang)}`
            : value === max
              ? html`${value} – ${text(maxLabel, lang)}`
              : html`${value}`,
      }));
      return group(choices(question, 'radio', items, fields, describedByIds));
    }
    case 'ranking': {
      const labels = new Map((question.options ?? []).map((o) => [o.id, o.label]));
      const include = fieldNames.rankInclude(question.id);
      const includeId = idOf(include);
      const included = fields?.get(include) !== null && fields?.get(include) !== undefined;
      // Without JavaScript a move re-renders the page; the fragment brings the reader back to the same button.
      const moveButton = (id: string, direction: 'up' | 'down', name: string, last: boolean) => {
        const buttonId = idOf(`move-${question.id}-${id}-${direction}`);
        return html`<button
          type="submit"
          class="md-move"
          id="${buttonId}"
          name="${fieldNames.move}"
          value="${question.id}:${id}:${direction}"
          formaction="${state.action}#${buttonId}"
          aria-label="${name}"
          ${raw(last ? ' aria-disabled="true"' : '')}
        >
          ${direction === 'up' ? '↑' : '↓'}
        </button>`;
      };
      const includeBox = question.required
        ? html``
        : html`<div class="md-choice">
            <input
              type="checkbox"
              id="${includeId}"
              name="${include}"
              value="on"
              ${checked(included)}
              aria-describedby="${describedByIds}"
            /><label for="${includeId}">${t.rankInclude}</label>
          </div>`;
      const items = rankingOrder(question, fields).map((id, i, all) => {
        const label = plain(labels.get(id), lang);
        return html`<li data-item="${id}">
          <span>${text(labels.get(id), lang)}</span
          ><input
            type="hidden"
            name="${fieldNames.rankItem(question.id)}"
            value="${id}"
          />${moveButton(id, 'up', t.moveUp(label), i === 0)}${moveButton(id, 'down', t.moveDown(label), i === all.length - 1)}
        </li>`;
      });
      return group(
        html`${includeBox}
          <ol class="md-ranking">
            ${items}
          </ol>
          <p class="md-visually-hidden" aria-live="polite" data-announce></p>`,
      );
    }
    case 'text': {
      const value = fields?.get(field) ?? '';
      const counterId = `${idOf(field)}-count`;
      return html`<div class="md-question" data-field="${field}" data-type="text">
        <label class="md-label" for="${idOf(field)}"
          >${text(question.label, lang)}${requiredTag(question.required, lang)}</label
        >${helpLine}${errorSlot(field, error, lang)}<textarea
          id="${idOf(field)}"
          name="${field}"
          maxlength="${question.maxLength}"
          rows="6"
          ${raw(` aria-describedby="${[describedByIds, counterId].filter(Boolean).join(' ')}"`)}${invalid}
        >
${value}</textarea>
        <p class="md-help" id="${counterId}" data-counter aria-live="polite">
          ${t.charactersLeft(question.maxLength - value.length)}
        </p>
      </div>`;
    }
  }
}

function profileSection(
  definition: PublicDefinition,
  state: FormState,
  errors: Map<string, string>,
  level: number,
): Html {
  const { lang, fields } = state;
  const t = catalogues[lang].form;
  const asked = definition.profileQuestions;
  if (!asked.relation && !asked.ageBand && !asked.locality) return html``;
  const select = (field: string, label: string, options: ReadonlyArray<{ value: string; label: string }>) => {
    const error = errors.get(field);
    const current = fields?.get(field) ?? '';
    return html`<div class="md-question" data-field="${field}">
      <label class="md-label" for="${idOf(field)}">${label}</label>${errorSlot(field, error, lang)}<select
        id="${idOf(field)}"
        name="${field}"
        ${raw(error ? ` aria-invalid="true" aria-describedby="${errorIdOf(field)}"` : '')}
      >
        <option value="">${t.notStated}</option>
        ${options.map((o) => html`<option value="${o.value}" ${selected(current === o.value)}>${o.label}</option>`)}
      </select>
    </div>`;
  };
  const chosenRelations = fields?.getAll(fieldNames.relation) ?? [];
  return html`<section aria-labelledby="md-profile-heading">
    ${heading(level, t.profileHeading, 'md-profile-heading')}
    <p class="md-help">${t.profileHelp}</p>
    ${
      asked.relation
        ? html`<fieldset
            class="md-question"
            id="${idOf(fieldNames.relation)}"
            data-field="${fieldNames.relation}"
            ${raw(errors.has(fieldNames.relation) ? ' aria-invalid="true"' : '')}
          >
            <legend>${t.relationLegend}</legend>
            ${errorSlot(fieldNames.relation, errors.get(fieldNames.relation), lang)}${relations.map((r) => html`<div class="md-choice"><input type="checkbox" id="${idOf(`${fieldNames.relation}-${r}`)}" name="${fieldNames.relation}" value="${r}" ${checked(chosenRelations.includes(r))}${raw(errors.has(fieldNames.relation) ? ` aria-describedby="${errorIdOf(fieldNames.relation)}"` : '')} /><label for="${idOf(`${fieldNames.relation}-${r}`)}">${t.relations[r]}</label></div>`)}
          </fieldset>`
        : ''
    }
    ${
      asked.ageBand
        ? select(
            fieldNames.ageBand,
            t.ageBandLabel,
            ageBands.map((a) => ({ value: a, label: t.ageBands[a] })),
          )
        : ''
    }
    ${
      asked.locality
        ? select(
            fieldNames.locality,
            t.localityLabel,
            asked.localities.map((l) => ({ value: l, label: l })),
          )
        : ''
    }
  </section>`;
}

function contactSection(state: FormState, errors: Map<string, string>, level: number): Html {
  const { lang, fields } = state;
  const t = catalogues[lang].form;
  const emailError = errors.get(fieldNames.email);
  const consentError = errors.get(fieldNames.consent);
  const emailId = idOf(fieldNames.email);
  const consentId = idOf(fieldNames.consent);
  return html`<section aria-labelledby="md-contact-heading">
    ${heading(level, t.contactHeading, 'md-contact-heading')}
    <div class="md-question" data-field="${fieldNames.email}">
      <label class="md-label" for="${emailId}">${t.emailLabel}</label>
      <p class="md-help" id="${helpIdOf(fieldNames.email)}">${t.emailHelp}</p>
      ${errorSlot(fieldNames.email, emailError, lang)}<input
        type="email"
        id="${emailId}"
        name="${fieldNames.email}"
        autocomplete="email"
        value="${fields?.get(fieldNames.email) ?? ''}"
        aria-describedby="${describedBy(fieldNames.email, true, emailError)}"
        ${raw(emailError ? ' aria-invalid="true"' : '')}
      />
    </div>
    <div class="md-question" data-field="${fieldNames.consent}">
      ${errorSlot(fieldNames.consent, consentError, lang)}
      <div class="md-choice">
        <input
          type="checkbox"
          id="${consentId}"
          name="${fieldNames.consent}"
          value="on"
          ${checked(fields?.get(fieldNames.consent) !== null && fields?.get(fieldNames.consent) !== undefined)}${raw(consentError ? ` aria-invalid="true" aria-describedby="${errorIdOf(fieldNames.consent)}"` : '')}
        /><label for="${consentId}">${t.consentLabel}</label>
      </div>
    </div>
    <div class="md-hp" aria-hidden="true">
      <label for="md-homepage">${t.honeypotLabel}</label
      ><input type="text" id="md-homepage" name="${fieldNames.honeypot}" tabindex="-1" autocomplete="off" />
    </div>
  </section>`;
}

/** P8: the conditions, in plain language, before any question. */
export function conditions(definition: PublicDefinition, lang: Language, level: number): Html {
  const t = catalogues[lang].form;
  const c = definition.conditions;
  const data = c.dataHandling[lang];
  const alternatives = definition.format.kind === 'alternatives' ? definition.format.alternatives : [];
  return html`<section class="md-conditions" aria-labelledby="md-conditions-heading">
      ${heading(level, t.conditionsHeading, 'md-conditions-heading')}
      <dl>
        <dt>${t.question}</dt>
        <dd>${text(c.question, lang)}</dd>
        ${
          definition.background
            ? html`<dt>${t.background}</dt>
                <dd>${text(definition.background, lang)}</dd>`
            : ''
        }
        ${
          c.targetGroup
            ? html`<dt>${t.targetGroup}</dt>
                <dd>${text(c.targetGroup.description, lang)}</dd>`
            : ''
        }
        ${
          c.influence
            ? html`<dt>${t.influence}</dt>
                <dd>
                  <p>${catalogues[lang].influenceLadder}: <strong>${c.influence.levelName[lang]}</strong>.</p>
                  <p>${t.canChange}: ${text(c.influence.canChange, lang)}</p>
                  <p>${t.cannotChange}: ${text(c.influence.cannotChange, lang)}</p>
                </dd>`
            : ''
        }
        ${
          c.decision
            ? html`<dt>${t.whoDecides}</dt>
                <dd>
                  <p>${t.decidesOn(c.decision.committeeName, longDate(c.decision.expectedDate, lang))}</p>
                  <p>${c.representativeDemocracy[lang]}</p>
                </dd>`
            : ''
        }
        ${
          c.feedbackPromise
            ? html`<dt>${t.feedback}</dt>
                <dd>
                  <p>${text(c.feedbackPromise.how, lang)}</p>
                  <p>${t.feedbackBy(longDate(c.feedbackPromise.byDate, lang))}</p>
                </dd>`
            : ''
        }
        <dt>${t.dataHandling}</dt>
        <dd>
          <ul>
            <li>${data.stored}</li>
            <li>${data.anonymous}</li>
            <li>${data.email}</li>
            <li>${data.withdraw}</li>
            <li>${data.controller}</li>
          </ul>
        </dd>
        ${
          definition.caseNumber
            ? html`<dt>${t.caseNumber}</dt>
                <dd>${definition.caseNumber}</dd>`
            : ''
        }
      </dl>
      ${
        definition.closedAt
          ? html`<p>${t.closedOn(longDate(definition.closedAt, lang))}</p>`
          : definition.closesAt
            ? html`<p>${t.closes(longDate(definition.closesAt, lang))}</p>`
            : ''
      }
    </section>
    ${
      alternatives.length
        ? html`<section aria-labelledby="md-alternatives-heading">
            ${heading(level, t.alternativesHeading, 'md-alternatives-heading')}${alternatives.map(
              (a) =>
                html`${heading(level + 1, text(a.title, lang))}
                  <p>${text(a.description, lang)}</p>`,
            )}
          </section>`
        : ''
    }`;
}

/** The receipt: what happens next and when (the feedback promise), and where the result will be published. */
export function receipt(
  definition: PublicDefinition,
  lang: Language,
  level: number,
  resultsHref: string,
  willReceiveFeedback: boolean | 'either',
): Html {
  const t = catalogues[lang].form;
  const decision = definition.conditions.decision;
  const promise = definition.conditions.feedbackPromise;
  return html`<section class="md-receipt" data-receipt tabindex="-1" aria-labelledby="md-receipt-heading">
    ${heading(level, t.receiptHeading, 'md-receipt-heading')}
    <p>${t.receiptStored}</p>
    ${decision ? html`<p>${t.receiptNext(decision.committeeName, longDate(decision.expectedDate, lang))}</p>` : ''}
    <p>${promise ? t.receiptFeedbackPageBy(longDate(promise.byDate, lang)) : t.receiptFeedbackPage} <a href="${resultsHref}">${t.receiptResultsLink}</a></p>
    ${willReceiveFeedback !== false ? html`<p data-if-email${raw(willReceiveFeedback === 'either' ? ' hidden' : '')}>${t.receiptFeedbackEmail}</p>` : ''}
  </section>`;
}

/** Each field's first problem, in the language shown. */
function errorsOf(state: Pick<FormState, 'issues' | 'lang'>): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of state.issues ?? []) {
    const field = fieldOfIssue(issue.path);
    if (!errors.has(field)) errors.set(field, state.lang === 'en' ? issue.messageEn : issue.message);
  }
  return errors;
}

export type AnswerFieldsState = Pick<FormState, 'lang' | 'fields' | 'issues' | 'topHeading'>;

/**
 * The questions, the optional profile and the contact, as the citizen's form has them: also what an official fills
 * in for a paper form in the console, so both enter the same answers in the same way.
 */
export function answerFields(definition: PublicDefinition, state: AnswerFieldsState): Html {
  const level = state.topHeading;
  const errors = errorsOf(state);
  const t = catalogues[state.lang].form;
  const full = { ...state, submissionId: '', action: '', switchLanguageHref: '' };
  return html`${heading(level + 1, t.questionsHeading)}
    <p class="md-note">${t.requiredNote}</p>
    ${definition.questions.map((q) => questionControl(q, full, errors.get(fieldNames.answer(q.id))))}
    ${profileSection(definition, full, errors, level + 1)} ${contactSection(full, errors, level + 1)}`;
}

/** The error summary: shown and focused when a post comes back with problems, each linking to its field. */
function errorSummary(
  definition: Pick<PublicDefinition, 'questions'>,
  lang: Language,
  level: number,
  errors: Map<string, string>,
): Html {
  return html`<div
    class="md-summary"
    role="alert"
    tabindex="-1"
    data-summary${raw(errors.size ? ' autofocus' : ' hidden')}
  >
    ${heading(level + 1, catalogues[lang].form.errorSummary)}
    <ul>
      ${[...errors].map(([field, message]) => html`<li><a href="#${idOf(field)}">${summaryLinkText(definition, field, message, lang)}</a></li>`)}
    </ul>
  </div>`;
}

/**
 * A short form of its own with the citizen's form's controls, error summary and words (the participants' rating):
 * questions only, posted to `action` without JavaScript.
 */
export function questionsForm(
  definition: Pick<PublicDefinition, 'questions'>,
  state: AnswerFieldsState & { readonly action: string; readonly submit: string },
): Html {
  const errors = errorsOf(state);
  const full = { ...state, submissionId: '', switchLanguageHref: '' };
  return html`<form method="post" action="${state.action}" novalidate>
    ${errorSummary(definition, state.lang, state.topHeading, errors)}
    ${definition.questions.map((q) => questionControl(q, full, errors.get(fieldNames.answer(q.id))))}
    <button type="submit" class="md-submit">${state.submit}</button>
  </form>`;
}

/** The whole form: conditions first, the questions, the optional profile and contact, and the error summary. */
export function form(definition: PublicDefinition, state: FormState): Html {
  const { lang, topHeading: level } = state;
  const t = catalogues[lang].form;
  const summary = errorSummary(definition, lang, level, errorsOf(state));
  // Enter in a field submits through the form's first submit button: the hidden one, not a ranking move.
  return html`<p class="md-lang">
      <a href="${state.switchLanguageHref}" lang="${otherLanguage(lang)}" data-switch-language
        >${t.languageSwitch}</a
      >
    </p>
    ${heading(level, text(definition.title, lang))}
    <p>${text(definition.summary, lang)}</p>
    ${conditions(definition, lang, level + 1)}
    <form
      method="post"
      action="${state.action}"
      novalidate
      data-md-form
      data-dialogue="${definition.id}"
      data-lang="${lang}"
    >
      <button type="submit" hidden>${t.submit}</button>
      ${summary} ${answerFields(definition, state)}
      <input type="hidden" name="${fieldNames.submissionId}" value="${state.submissionId}" /><input
        type="hidden"
        name="${fieldNames.language}"
        value="${lang}"
      />
      <p class="md-error" data-submit-error role="alert" hidden></p>
      <button type="submit" class="md-submit">${t.submit}</button>
    </form>`;
}
