/** Who is calling an officials' route, from the verified token's claims. */
export interface Caller {
  readonly sub: string;
  readonly email?: string;
  readonly committees: readonly string[];
  readonly isAdmin: boolean;
}

/** Groups in the token: `committee:<id>` per committee the official works for, and `admin`. */
export const COMMITTEE_GROUP_PREFIX = 'committee:';
export const ADMIN_GROUP = 'admin';

export function callerFromGroups(sub: string, email: string | undefined, groups: readonly string[]): Caller {
  return {
    sub,
    ...(email ? { email } : {}),
    committees: groups
      .filter((g) => g.startsWith(COMMITTEE_GROUP_PREFIX))
      .map((g) => g.slice(COMMITTEE_GROUP_PREFIX.length)),
    isAdmin: groups.includes(ADMIN_GROUP),
  };
}

export function groupsFor(committees: readonly string[], isAdmin: boolean): string[] {
  return [...committees.map((c) => `${COMMITTEE_GROUP_PREFIX}${c}`), ...(isAdmin ? [ADMIN_GROUP] : [])];
}

/** P11/P13: only the lead committee's officials, or a municipality-wide admin, may change a dialogue. */
export function mayManage(caller: Caller, leadCommittee: string): boolean {
  return caller.isAdmin || caller.committees.includes(leadCommittee);
}

/** Officials of the lead or a participating committee may read a dialogue's definition. */
export function mayRead(caller: Caller, committees: readonly string[]): boolean {
  return caller.isAdmin || committees.some((c) => caller.committees.includes(c));
}
