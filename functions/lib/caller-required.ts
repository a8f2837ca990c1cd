import type { Caller } from '../../shared/access';
import { UnauthorizedError } from '../../shared/errors';

/** Officials' routes always carry a caller (the gateway checked the token); this narrows the type. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthorizedError('A valid officials\u2019 token is required.');
  return caller;
}
