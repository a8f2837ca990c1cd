import type { Municipality } from '../municipality';
import type { Clock, DialogueStore } from '../ports';
import { type FeedbackStatus, feedbackStatus } from './feedback';
import { closedAt } from './public-view';
import type { Dialogue, DialogueStatus } from './schema';

/**
 * The public register of dialogues (P12, P14): every dialogue that is not a draft, with its committee, its degree of
 * influence, its dates and whether the feedback promised came on time, so anyone can see the promise kept or not.
 */
export interface RegisterEntry {
  readonly id: string;
  readonly title: Dialogue['title'];
  readonly status: Exclude<DialogueStatus, 'draft'>;
  readonly leadCommittee: { readonly id: string; readonly name: string };
  readonly influenceLevel?: NonNullable<Dialogue['influence']>['level'];
  readonly openedAt?: string;
  readonly closesAt?: string;
  readonly closedAt?: string;
  /** The date of the committee's decision (`YYYY-MM-DD`). */
  readonly decidedAt?: string;
  readonly feedback: FeedbackStatus;
}

export interface RegisterFilter {
  /** Lead or participating committee. */
  readonly committee?: string;
  readonly status?: Exclude<DialogueStatus, 'draft'>;
  /** The year it opened, in Sweden. */
  readonly year?: number;
}

/** The year a dialogue belongs to in the register and the evaluation: the year it opened, in Sweden. */
export const openedYear = (d: Dialogue): number | undefined => {
  const at = d.openedAt ?? d.opensAt;
  return at
    ? Number(new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4))
    : undefined;
};

const matches = (d: Dialogue, filter: RegisterFilter): boolean =>
  (!filter.committee || d.leadCommittee === filter.committee || d.participatingCommittees.includes(filter.committee)) &&
  (!filter.status || d.status === filter.status) &&
  (!filter.year || openedYear(d) === filter.year);

export function registerEntries(
  dialogues: readonly Dialogue[],
  municipality: Pick<Municipality, 'committees'>,
  filter: RegisterFilter,
  now: Date,
): RegisterEntry[] {
  return dialogues
    .filter((d): d is Dialogue & { status: RegisterEntry['status'] } => d.status !== 'draft' && matches(d, filter))
    .sort((a, b) => ((b.openedAt ?? b.createdAt) < (a.openedAt ?? a.createdAt) ? -1 : 1))
    .map((d) => {
      const closed = closedAt(d);
      return {
        id: d.id,
        title: d.title,
        status: d.status,
        leadCommittee: {
          id: d.leadCommittee,
          name: municipality.committees.find((c) => c.id === d.leadCommittee)?.name ?? d.leadCommittee,
        },
        ...(d.influence ? { influenceLevel: d.influence.level } : {}),
        ...(d.openedAt ? { openedAt: d.openedAt } : {}),
        ...(d.closesAt ? { closesAt: d.closesAt } : {}),
        ...(closed ? { closedAt: closed } : {}),
        ...(d.decisionRecord ? { decidedAt: d.decisionRecord.decidedAt } : {}),
        feedback: feedbackStatus(d, now),
      };
    });
}

/** The register and the years it spans (for the filter), newest first. */
export async function publicRegister(
  deps: {
    readonly dialogues: Pick<DialogueStore, 'list'>;
    readonly municipality: Pick<Municipality, 'committees'>;
    readonly clock: Clock;
  },
  filter: RegisterFilter,
): Promise<{ entries: RegisterEntry[]; years: number[] }> {
  const all = (await deps.dialogues.list()).filter((d) => d.status !== 'draft');
  const years = [...new Set(all.map(openedYear).filter((y): y is number => y !== undefined))].sort((a, b) => b - a);
  return { entries: registerEntries(all, deps.municipality, filter, deps.clock.now()), years };
}
