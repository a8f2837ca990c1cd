/**
 * The console's response headers, the same locally and from CloudFront: scripts and styles from its own origin only;
 * it may call its own origin (the API) and the identity provider's origins (discovery, the token endpoint), which
 * in AWS are Cognito's and locally are its own.
 */
export function consoleSecurityHeaders(identityOrigins: readonly string[] = []) {
  const connect = ["'self'", ...identityOrigins].join(' ');
  return {
    contentSecurityPolicy: `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${connect}; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    referrerPolicy: 'no-referrer',
  } as const;
}
