import { useState } from 'preact/hooks';
import { type Question, type QuestionType, questionTypes } from '../../shared/dialogue/questions';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import { Field } from './fields';
import { hasOptions, moved, newQuestion, withOption, withOptions, without } from './questions';

type Props = { questions: Question[]; onChange(questions: Question[]): void; t: ConsoleCatalogue; locked: boolean };

/** The six question types, their options added, reordered and removed by buttons (keyboard first). */
export function QuestionEditor({ questions, onChange, t, locked }: Props) {
  const [type, setType] = useState<QuestionType>('single');
  const change = (i: number, q: Question) => onChange(questions.map((x, k) => (k === i ? q : x)));
  const mover = (what: string, up: () => void, down: () => void, remove: () => void) => (
    <span class="md-movers">
      <button type="button" class="md-move" aria-label={t.moveUp(what)} onClick={up} disabled={locked}>
        ↑
      </button>
      <button type="button" class="md-move" aria-label={t.moveDown(what)} onClick={down} disabled={locked}>
        ↓
      </button>
      <button type="button" class="md-move" aria-label={t.remove(what)} onClick={remove} disabled={locked}>
        ✕
      </button>
    </span>
  );
  return (
    <section aria-labelledby="md-questions-heading">
      <h2 id="md-questions-heading">{t.questionsHeading}</h2>
      {locked && <p class="md-note">{t.questionsLocked}</p>}
      {questions.map((q, i) => {
        const name = t.questionN(i + 1, t.questionTypes[q.type]);
        return (
          <fieldset key={q.id} class="md-question" data-question={q.id}>
            <legend>{name}</legend>
            {mover(
              name,
              () => onChange(moved(questions, i, -1)),
              () => onChange(moved(questions, i, 1)),
              () => onChange(without(questions, i)),
            )}
            <Field id={`md-q-${q.id}-label`} label={t.questionLabel}>
              <input
                id={`md-q-${q.id}-label`}
                type="text"
                value={q.label.sv}
                disabled={locked}
                onInput={(e) => change(i, { ...q, label: { ...q.label, sv: e.currentTarget.value } })}
              />
            </Field>
            <div class="md-choice">
              <input
                type="checkbox"
                id={`md-q-${q.id}-required`}
                checked={q.required}
                disabled={locked}
                onChange={(e) => change(i, { ...q, required: e.currentTarget.checked })}
              />
              <label for={`md-q-${q.id}-required`}>{t.required}</label>
            </div>
            {hasOptions(q) && (
              <ol class="md-options">
                {q.options.map((o, k) => {
                  const optionName = `${t.optionN(k + 1)} (${name})`;
                  return (
                    <li key={o.id}>
                      <label class="md-visually-hidden" for={`md-q-${q.id}-${o.id}`}>
                        {optionName}
                      </label>
                      <input
                        id={`md-q-${q.id}-${o.id}`}
                        type="text"
                        value={o.label.sv}
                        disabled={locked}
                        onInput={(e) =>
                          change(
                            i,
                            withOptions(
                              q,
                              q.options.map((x, m) =>
                                m === k ? { ...x, label: { ...x.label, sv: e.currentTarget.value } } : x,
                              ),
                            ),
                          )
                        }
                      />
                      {mover(
                        optionName,
                        () => change(i, withOptions(q, moved(q.options, k, -1))),
                        () => change(i, withOptions(q, moved(q.options, k, 1))),
                        () => change(i, withOptions(q, without(q.options, k))),
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
            {hasOptions(q) && !locked && (
              <button type="button" class="md-secondary" onClick={() => change(i, withOption(q))}>
                {t.addOption}
              </button>
            )}
          </fieldset>
        );
      })}
      {!locked && (
        <div class="md-add-question">
          <Field id="md-new-question-type" label={t.newQuestionType}>
            <select
              id="md-new-question-type"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as QuestionType)}
            >
              {questionTypes.map((qt) => (
                <option key={qt} value={qt}>
                  {t.questionTypes[qt]}
                </option>
              ))}
            </select>
          </Field>
          <button
            type="button"
            class="md-secondary"
            onClick={() => onChange([...questions, newQuestion(type, questions, t)])}
          >
            {t.addQuestion}
          </button>
        </div>
      )}
    </section>
  );
}
