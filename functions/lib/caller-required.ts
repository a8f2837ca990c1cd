import type { Caller } from '../../shared/access';
import { UnauthorizedError } from '../../shared/errors';
import { tokenRequired } from '../../shared/messages/refusals';

/** Officials' routes always carry a caller (the gateway checked the token); this narrows the type. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthorizedError(tokenRequired());
  return caller;
}
