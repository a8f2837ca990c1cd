import type { User, UserManager } from 'oidc-client-ts';
import { useEffect, useState } from 'preact/hooks';
import { consoleCatalogues } from '../../shared/messages/console';
import { type Language, otherLanguage } from '../../shared/messages/language';
import { type DialogueSummary, SessionEnded, apiClient } from './api';
import { DialogueList } from './dialogue-list';

type View =
  | { kind: 'loading' }
  | { kind: 'signed-out'; ended: boolean }
  | { kind: 'list'; dialogues: DialogueSummary[] }
  | { kind: 'failed' };

export function App(props: { users: UserManager; user: User | null; lang: Language; setLang(lang: Language): void }) {
  const { users, lang } = props;
  const t = consoleCatalogues[lang];
  const [user, setUser] = useState(props.user && !props.user.expired ? props.user : null);
  const [view, setView] = useState<View>(user ? { kind: 'loading' } : { kind: 'signed-out', ended: false });
  const signIn = () => users.signinRedirect();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang]);

  useEffect(() => {
    if (!user) return;
    // A refused token (expired, or signed out elsewhere) leads back to sign-in, saying why.
    apiClient(() => user.access_token)
      .dialogues()
      .then((dialogues) => setView({ kind: 'list', dialogues }))
      .catch(async (error: unknown) => {
        if (!(error instanceof SessionEnded)) return setView({ kind: 'failed' });
        await users.removeUser();
        setUser(null);
        setView({ kind: 'signed-out', ended: true });
      });
  }, [user]);

  return (
    <div class="md-root md-console">
      <header class="md-console-header">
        <p class="md-console-name">{t.appName}</p>
        <button
          type="button"
          class="md-secondary"
          lang={otherLanguage(lang)}
          onClick={() => props.setLang(otherLanguage(lang))}
        >
          {t.languageSwitch}
        </button>
        {user && (
          <>
            <p>{t.signedInAs(user.profile.email ?? user.profile.sub)}</p>
            <button
              type="button"
              class="md-secondary"
              onClick={() => users.signoutRedirect({ id_token_hint: user.id_token })}
            >
              {t.signOut}
            </button>
          </>
        )}
      </header>
      <main>
        {view.kind === 'signed-out' ? (
          <>
            <h1>{t.signInHeading}</h1>
            {view.ended && <p role="alert">{t.sessionEnded}</p>}
            <p>{t.signInLead}</p>
            <button type="button" class="md-submit" onClick={signIn}>
              {t.signIn}
            </button>
          </>
        ) : (
          <>
            <h1>{t.myDialogues}</h1>
            {view.kind === 'loading' && <p aria-live="polite">{t.loading}</p>}
            {view.kind === 'failed' && <p role="alert">{t.loadFailed}</p>}
            {view.kind === 'list' && <DialogueList dialogues={view.dialogues} t={t} lang={lang} now={new Date()} />}
          </>
        )}
      </main>
    </div>
  );
}
