import { render } from 'preact';
import type { Language } from '../../shared/messages/language';
import { App } from './app';
import { type ConsoleConfig, finishSignIn, userManager } from './auth';

const LANGUAGE_KEY = 'md-console-lang';

/** Loads the stage's sign-in settings, finishes a sign-in coming back with a code, then shows the console. */
async function start(): Promise<void> {
  const config = (await (await fetch('/console/config.json')).json()) as ConsoleConfig;
  const root = document.getElementById('app') as HTMLElement;
  const show = async (lang: Language) => {
    const users = userManager(config, lang);
    await finishSignIn(users).catch(() => undefined);
    const setLang = (next: Language) => {
      localStorage.setItem(LANGUAGE_KEY, next);
      void show(next);
    };
    render(
      <App key={lang} users={users} user={await users.getUser()} lang={lang} setLang={setLang} config={config} />,
      root,
    );
  };
  await show(localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'sv');
}

void start();
