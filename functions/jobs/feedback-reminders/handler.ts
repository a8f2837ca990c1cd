import { metricNames } from '../../../shared/metrics';
import { type ReminderDeps, sendReminders } from '../../../shared/reminders/run';
import { reminderSettingsSchema } from '../../../shared/reminders/settings';
import { jobs } from '../../../shared/routes';
import { parseOrThrow } from '../../../shared/validation';
import { dynamoReminderStore } from '../../adapters/reminder-store';
import { env, requiredSetting } from '../../lib/env';
import { scheduledJob } from '../../lib/job';
import { logger } from '../../lib/logger';
import { mailRuntime } from '../../lib/mail-runtime';
import { publishMetrics } from '../../lib/metrics';
import { client, runtime } from '../../lib/runtime';

export const createHandler = (deps: ReminderDeps) =>
  scheduledJob(jobs.feedbackReminders, async () => {
    const outcome = await sendReminders(deps);
    // Given back for the next run; logged as errors so an alarm can see them.
    for (const failure of outcome.failed) logger.error('a reminder could not be sent', failure);
    publishMetrics({ [metricNames.feedbackOverdue]: outcome.overdue });
    return outcome;
  });

/** The real dependencies, built once per cold start; the local stack builds the handler from them with its own clock. */
export const dependencies: ReminderDeps = {
  dialogues: runtime.dialogues,
  reminders: dynamoReminderStore(client, env().tableName),
  mailer: mailRuntime.mailer,
  clock: runtime.clock,
  municipality: runtime.municipality,
  settings: {
    ...parseOrThrow(
      reminderSettingsSchema,
      JSON.parse(requiredSetting(env().reminders, 'reminders')),
      (issues) => `Invalid reminder settings: ${issues}`,
    ),
    from: requiredSetting(env().mail, 'mail').from,
    publicBaseUrl: env().publicBaseUrl,
  },
};

export const handler = createHandler(dependencies);
