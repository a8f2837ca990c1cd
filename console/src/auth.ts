import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Language } from '../../shared/messages/language';

/** Where the console signs in: the stage's user pool (Cognito's managed login), or the local identity provider. */
export interface ConsoleConfig {
  readonly authority: string;
  readonly clientId: string;
  /** The stage's public base URL, for the embed snippets (the API itself is reached on the console's origin). */
  readonly publicBase: string;
}

/** Authorization code with PKCE, by oidc-client-ts; the session lives in this tab only (sessionStorage). */
export function userManager(config: ConsoleConfig, lang: Language): UserManager {
  const here = `${window.location.origin}/console/`;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    scope: 'openid email',
    ui_locales: lang,
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Finishes a sign-in that came back with a code, and takes the code out of the address bar. */
export async function finishSignIn(users: UserManager): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) return;
  try {
    await users.signinCallback();
  } finally {
    window.history.replaceState(null, '', window.location.pathname);
  }
}
