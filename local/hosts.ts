import { isIP } from 'node:net';

/** Loopback unless `HOST` says otherwise: the gateway runs jobs on request and DynamoDB Local has no authentication. */
export const DEFAULT_HOST = '127.0.0.1';

/** `HOST`: the address the gateway, DynamoDB Local and the SES emulator listen on; 0.0.0.0 means every interface. */
export function localHost(environment: NodeJS.ProcessEnv = process.env): string {
  const host = environment.HOST?.trim() || DEFAULT_HOST;
  if (isIP(host) === 0) {
    throw new Error(
      `Bad local setting: HOST holds "${host}"; give an IP address to listen on: 127.0.0.1 (the default), or 0.0.0.0 for every interface.`,
    );
  }
  return host;
}

const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::';
const isLoopback = (host: string): boolean => host.startsWith('127.') || host === '::1';

/** The address to connect to a server listening on `host` (a wildcard listens on loopback too). */
export const reachableHost = (host: string): string => (isWildcard(host) ? DEFAULT_HOST : host);

/** `host` as it stands in a URL: IPv6 addresses in brackets. */
export const urlHost = (host: string): string => (isIP(host) === 6 ? `[${host}]` : host);

/** The name pages and printed URLs use: localhost when the stack can be reached by it, else the address itself. */
export const publicHostname = (host: string): string =>
  isWildcard(host) || isLoopback(host) ? 'localhost' : urlHost(host);
