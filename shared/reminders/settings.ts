import * as z from 'zod/mini';
import { slugId } from '../dialogue/text';

/**
 * Reminders to the lead committee (P12): this many days before the feedback promised to participants is due, and
 * again once it is overdue, while no decision is registered. Each committee's address (its registry or secretary)
 * by committee id; committees not named get `otherwise`. Marked pure: only the reminder job builds it at cold start.
 */
export const reminderSettingsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    daysBefore: z.int().check(z.minimum(1), z.maximum(60)),
    committeeContacts: z.record(slugId, z.email()),
    otherwise: z.email(),
  }))();
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** Where a committee's reminders go. */
export const contactOf = (settings: ReminderSettings, committeeId: string): string =>
  settings.committeeContacts[committeeId] ?? settings.otherwise;
