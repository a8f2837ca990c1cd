import { useState } from 'preact/hooks';
import type { ConsoleCatalogue } from '../../shared/messages/console';
import type { OfficialResults } from './api';

type Texts = NonNullable<OfficialResults['freeTexts']>[string];

/**
 * One question's free texts: searchable and counted, each with a box that marks it publishable. Only texts marked
 * so ever leave the console (the committee's report); the rest stay hidden, as they are by default.
 */
export function FreeTextList(props: {
  questionId: string;
  label: string;
  texts: Texts;
  t: ConsoleCatalogue['results'];
  /** Resolves true once the API has stored the choice. */
  moderate(textId: string, publishable: boolean): Promise<boolean>;
}) {
  const { questionId, texts, t } = props;
  const [query, setQuery] = useState('');
  const [said, setSaid] = useState('');
  const needle = query.trim().toLocaleLowerCase('sv');
  const shown = texts.texts
    .map((text, index) => ({ ...text, index }))
    .filter((x) => !needle || x.text.toLocaleLowerCase('sv').includes(needle));
  const search = `md-search-${questionId}`;
  return (
    <section class="md-free-text-question" aria-labelledby={`${search}-heading`}>
      <h3 id={`${search}-heading`}>{props.label}</h3>
      <label class="md-label" for={search}>
        {t.search(props.label)}
      </label>
      <input id={search} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <p aria-live="polite">{t.shown(shown.length, texts.total, texts.publishable)}</p>
      {texts.truncated && <p class="md-help">{t.truncated(texts.texts.length)}</p>}
      <p role="status">{said}</p>
      <ul class="md-free-texts">
        {shown.map((x) => {
          const id = `md-ft-${questionId}-${x.index}`;
          return (
            <li key={x.id} class={x.state === 'publishable' ? 'md-publishable' : undefined}>
              <p id={`${id}-text`}>{x.text}</p>
              <label class="md-check">
                <input
                  type="checkbox"
                  id={id}
                  aria-describedby={`${id}-text`}
                  checked={x.state === 'publishable'}
                  onChange={(e) => {
                    const publishable = e.currentTarget.checked;
                    void props
                      .moderate(x.id, publishable)
                      .then((saved) => saved && setSaid(publishable ? t.savedPublishable : t.savedHidden));
                  }}
                />{' '}
                {t.publishable}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
