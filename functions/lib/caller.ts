import * as z from 'zod/mini';
import { type Caller, callerFromGroups } from '../../shared/access';

/**
 * API Gateway's JWT authorizer hands claims over as strings; an array claim such as `cognito:groups`
 * arrives as `"[a b]"`. Accept that form and a real array, so the handler reads both alike. Split on whitespace
 * only: Cognito group names hold no whitespace but may hold commas, so `viewers,admin` is one group, not admin.
 */
const groupsClaim = z.pipe(
  z.optional(z.union([z.array(z.string()), z.string()])),
  z.transform((v?: string[] | string) =>
    Array.isArray(v)
      ? v
      : (v ?? '')
          .replace(/^\[|\]$/g, '')
          .split(/\s+/)
          .filter(Boolean),
  ),
);

const claimsSchema = z.object({
  sub: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  'cognito:groups': groupsClaim,
});

/** The caller from verified claims, or undefined when there are none (a public route). */
export function callerFromClaims(claims: unknown): Caller | undefined {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  return callerFromGroups(parsed.data.sub, parsed.data.email, parsed.data['cognito:groups']);
}
