import { ljungby } from '../../../shared/municipality';
import { whoAmIRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';

/** Who the signed-in official is and which committees they act for; the officials' console starts here. */
export const handler = httpRoute(whoAmIRoute, async ({ caller }) => ({
  json: {
    sub: caller.sub,
    email: caller.email,
    isAdmin: caller.isAdmin,
    committees: ljungby.committees.filter((c) => caller.committees.includes(c.id)),
  },
}));
