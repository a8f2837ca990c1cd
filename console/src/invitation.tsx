import { useEffect, useState } from 'preact/hooks';
import type { Invitation as Kit, StoredDialogue, DialogueViewProps } from './api';
import { Snippet } from './preview';

/**
 * The invitation kit: the text for the municipality's channels and the poster, which prints alone on one A4 page
 * (console.css hides the rest in print). The poster is the API's own markup, escaped there like every public page.
 */
export function Invitation(props: DialogueViewProps) {
  const { api, id, t, lang } = props;
  const [dialogue, setDialogue] = useState<StoredDialogue>();
  const [kit, setKit] = useState<Kit>();
  useEffect(
    () =>
      void Promise.all([api.dialogue(id), api.invitation(id, lang)])
        .then(([d, k]) => {
          setDialogue(d);
          setKit(k);
        })
        .catch(props.onError),
    [id, lang],
  );
  if (!dialogue || !kit) return <p aria-live="polite">{t.loading}</p>;
  const title = (lang === 'en' && dialogue.title.en) || dialogue.title.sv;
  return (
    <>
      <div class="md-no-print">
        <p>
          <a href={`#/d/${id}`}>{t.backToDialogue}</a>
        </p>
        <h1>{t.invitationHeading(title)}</h1>
        <p>{t.invitationLead}</p>
        <h2>{t.invitationTextHeading}</h2>
        <Snippet
          id="md-invitation-text"
          label={t.invitationTextLabel}
          code={kit.text}
          copy={t.copyText}
          copied={t.copied}
        />
        <h2>{t.posterHeading}</h2>
        <button type="button" class="md-submit" onClick={() => window.print()}>
          {t.printPoster}
        </button>
      </div>
      <div class="md-poster-sheet" dangerouslySetInnerHTML={{ __html: kit.poster }} />
    </>
  );
}
