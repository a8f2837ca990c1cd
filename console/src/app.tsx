import type { User, UserManager } from 'oidc-client-ts';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { consoleCatalogues } from '../../shared/messages/console';
import { type Language, otherLanguage } from '../../shared/messages/language';
import type { Committee } from '../../shared/municipality';
import { type DialogueSummary, type Me, SessionEnded, apiClient } from './api';
import { type ConsoleConfig, signOut } from './auth';
import { Decision } from './decision';
import { Detail } from './detail';
import { Entry } from './entry';
import { Evaluation } from './evaluation';
import { Year } from './year';
import { evaluationCatalogues } from '../../shared/messages/evaluation';
import { Invitation } from './invitation';
import { NewDialogue } from './new-dialogue';
import { Report } from './report';
import { Results } from './results';
import { DialogueList } from './dialogue-list';

type View =
  | { kind: 'loading' }
  | { kind: 'signed-out'; ended: boolean }
  | { kind: 'list'; dialogues: DialogueSummary[] }
  | { kind: 'failed' };

/**
 * `#/` my dialogues, `#/new` a new one, `#/d/{id}` one dialogue; under it `/invitation` its invitation kit,
 * `/results` its live results and free texts, `/entry` responses from other methods, `/report` the committee's
 * report, `/decision` its decision, `/evaluation` its evaluation; `#/evaluation/{year}` every dialogue of a year.
 */
const parts = ['invitation', 'decision', 'results', 'entry', 'report', 'evaluation'] as const;
const pageOf = (hash: string) => {
  const [, id, part] = /^#\/d\/([\w-]+)(?:\/([a-z]+))?$/.exec(hash) ?? [];
  const known = parts.find((p) => p === part);
  const year = /^#\/evaluation(?:\/(\d{4}))?$/.exec(hash);
  if (year) return { kind: 'year' as const, year: Number(year[1] ?? new Date().getFullYear()) };
  return id && (part === undefined || known)
    ? { kind: known ?? ('dialogue' as const), id }
    : hash === '#/new'
      ? { kind: 'new' as const }
      : { kind: 'list' as const };
};

export function App(props: {
  users: UserManager;
  user: User | null;
  lang: Language;
  setLang(lang: Language): void;
  config: ConsoleConfig;
}) {
  const { users, lang } = props;
  const t = consoleCatalogues[lang];
  const [user, setUser] = useState(props.user && !props.user.expired ? props.user : null);
  const [view, setView] = useState<View>(user ? { kind: 'loading' } : { kind: 'signed-out', ended: false });
  const signIn = () => users.signinRedirect();
  const [page, setPage] = useState(pageOf(window.location.hash));
  const [me, setMe] = useState<Me>();
  const [committees, setCommittees] = useState<Committee[]>([]);
  const api = apiClient(() => user?.access_token);
  // A refused token (expired, or signed out elsewhere) leads back to sign-in, saying why.
  const failed = async (error: unknown) => {
    if (!(error instanceof SessionEnded)) return setView({ kind: 'failed' });
    await users.removeUser();
    setUser(null);
    setView({ kind: 'signed-out', ended: true });
  };

  useEffect(() => {
    const follow = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // Before the browser paints (and before anyone reads the page): the text and its language change together.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang]);

  useEffect(() => {
    if (!user) return;
    Promise.all([api.me(), fetch('/committees').then((r) => r.json() as Promise<Committee[]>)])
      .then(([who, all]) => {
        setMe(who);
        setCommittees(all);
      })
      .catch(failed);
  }, [user]);

  useEffect(() => {
    if (!user || page.kind !== 'list') return;
    api
      .dialogues()
      .then((dialogues) => setView({ kind: 'list', dialogues }))
      .catch(failed);
  }, [user, page]);

  return (
    <div class="md-root md-console">
      <header class="md-console-header md-no-print">
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
            <button type="button" class="md-secondary" onClick={() => void signOut(users, user, props.config.clientId)}>
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
        ) : view.kind === 'failed' ? (
          <p role="alert">{t.loadFailed}</p>
        ) : page.kind === 'dialogue' ? (
          <Detail
            api={api}
            id={page.id}
            t={t}
            lang={lang}
            committees={committees}
            publicBase={props.config.publicBase}
            onError={failed}
          />
        ) : page.kind === 'decision' ? (
          <Decision api={api} id={page.id} t={t} lang={lang} publicBase={props.config.publicBase} onError={failed} />
        ) : page.kind === 'results' ? (
          <Results api={api} id={page.id} t={t} lang={lang} onError={failed} />
        ) : page.kind === 'entry' ? (
          <Entry api={api} id={page.id} t={t} lang={lang} onError={failed} />
        ) : page.kind === 'report' ? (
          <Report api={api} id={page.id} t={t} lang={lang} onError={failed} />
        ) : page.kind === 'evaluation' ? (
          <Evaluation
            api={api}
            id={page.id}
            t={t}
            lang={lang}
            onError={failed}
            mayManage={(lead) => me !== undefined && (me.isAdmin || me.committees.some((c) => c.id === lead))}
          />
        ) : page.kind === 'year' ? (
          <Year api={api} year={page.year} t={t} lang={lang} onError={failed} />
        ) : page.kind === 'invitation' ? (
          <Invitation api={api} id={page.id} t={t} lang={lang} onError={failed} />
        ) : page.kind === 'new' ? (
          me && (
            <NewDialogue api={api} t={t} lang={lang} mine={me.isAdmin ? committees : me.committees} onError={failed} />
          )
        ) : (
          <>
            <h1>{t.myDialogues}</h1>
            <a class="md-new" href="#/new">
              {t.newDialogue}
            </a>
            <p>
              <a href="#/evaluation">{evaluationCatalogues[lang].console.yearLink}</a>
            </p>
            {view.kind === 'loading' && <p aria-live="polite">{t.loading}</p>}
            {view.kind === 'list' && <DialogueList dialogues={view.dialogues} t={t} lang={lang} now={new Date()} />}
          </>
        )}
      </main>
    </div>
  );
}
