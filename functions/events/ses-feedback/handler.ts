import middy from '@middy/core';
import type { Context, SNSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { emailHash } from '../../../shared/responses/submit';
import { env, requiredSetting } from '../../lib/env';
import { logger } from '../../lib/logger';
import { type MailRuntime, mailRuntime } from '../../lib/mail-runtime';
import { type Runtime, runtime } from '../../lib/runtime';

/**
 * The SES message inside each SNS record (only the fields we act on). A configuration set's event destination
 * publishes `eventType`; the older identity notifications say `notificationType`. Both are read.
 */
const notificationSchema = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  bounce: z.optional(
    z.object({ bounceType: z.string(), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) }),
  ),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  mail: z.object({ tags: z.optional(z.record(z.string(), z.array(z.string()))) }),
});

/**
 * A permanent bounce or a complaint: the recipient is marked failed in that dialogue's mailout and the address is
 * suppressed for good. Transient bounces are left to SES's own retries. Addresses are never logged.
 */
export const createHandler = ({ mailouts, clock }: Pick<MailRuntime, 'mailouts'> & Pick<Runtime, 'clock'>) => {
  const retentionEnd = (now: Date) =>
    new Date(now.getTime() + requiredSetting(env().mail, 'mail').contactRetentionDays * 86_400_000);
  return middy<SNSEvent, { handled: number }, Error, Context>()
    .use({ before: ({ context }) => logger.addContext(context) })
    .handler(async (event) => {
      let handled = 0;
      for (const record of event.Records) {
        let parsed: z.infer<typeof notificationSchema>;
        try {
          parsed = notificationSchema.parse(JSON.parse(record.Sns.Message));
        } catch {
          logger.warn('ignored an SNS message that is not an SES notification', { messageId: record.Sns.MessageId });
          continue;
        }
        const type = parsed.eventType ?? parsed.notificationType;
        const permanent = type === 'Complaint' || (type === 'Bounce' && parsed.bounce?.bounceType === 'Permanent');
        if (!permanent) continue;
        const recipients = [
          ...(parsed.bounce?.bouncedRecipients ?? []),
          ...(parsed.complaint?.complainedRecipients ?? []),
        ].map((r) => r.emailAddress);
        const dialogueId = parsed.mail.tags?.dialogue?.[0];
        for (const email of recipients) {
          await mailouts.suppress(email, type.toLowerCase(), clock.now());
          if (dialogueId)
            await mailouts.markFailed(
              dialogueId,
              emailHash(dialogueId, email),
              type.toLowerCase(),
              retentionEnd(clock.now()),
            );
          handled += 1;
        }
      }
      logger.info('ses feedback handled', { handled });
      return { handled };
    });
};

export const handler = createHandler({ ...mailRuntime, clock: runtime.clock });
