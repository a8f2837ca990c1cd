import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Language } from '../../shared/messages/language';

/** Where the console signs in: the stage's user pool (Cognito's managed login), or the local identity provider. */
export interface ConsoleConfig {
  readonly authority: string;
  readonly clientId: string;
  /** Where signing out ends the provider's session: Cognito's `/logout` on the managed-login domain. */
  readonly signOutUrl: string;
  /** The stage's public base URL, for the embed snippets (the API itself is reached on the console's origin). */
  readonly publicBase: string;
}

const consoleUrl = () => `${window.location.origin}/console/`;

/** Authorization code with PKCE, by oidc-client-ts; the session lives in this tab only (sessionStorage). */
export function userManager(config: ConsoleConfig, lang: Language): UserManager {
  return new UserManager({
    authority: config.authority,
    // Cognito's discovery document may lack it; given here, both providers are reached the same way.
    metadataSeed: { end_session_endpoint: config.signOutUrl },
    client_id: config.clientId,
    redirect_uri: consoleUrl(),
    post_logout_redirect_uri: consoleUrl(),
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

/**
 * Ends the session at the provider too. Cognito's `/logout` wants the client's id and `logout_uri` (not OpenID
 * Connect's post_logout_redirect_uri); the local provider asks the same, so one call serves both.
 */
export const signOut = (users: UserManager, user: { id_token?: string }, clientId: string): Promise<void> =>
  users.signoutRedirect({
    id_token_hint: user.id_token,
    extraQueryParams: { client_id: clientId, logout_uri: consoleUrl() },
  });
