import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { JobDefinition } from '../../shared/routes';
import { parseOrThrow } from '../../shared/validation';
import { logger } from './logger';

/** The EventBridge scheduled event, checked at the boundary like any other input. */
const scheduledEventSchema = z.object({
  id: z.string(),
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: z.string(),
});

export type ScheduledEvent = z.infer<typeof scheduledEventSchema>;

/** The middy chain for scheduled jobs: logger context, event validation, one structured log line per run. */
export function scheduledJob<R>(job: JobDefinition, run: (context: Context, event: ScheduledEvent) => Promise<R>) {
  return middy<unknown, R, Error, Context>()
    .use({
      before: (request) => {
        logger.addContext(request.context);
        const scheduled = parseOrThrow(
          scheduledEventSchema,
          request.event,
          (issues) => `job ${job.name}: not a scheduled event: ${issues}`,
        );
        request.event = scheduled;
        logger.resetKeys();
        logger.appendKeys({ correlationId: scheduled.id, job: job.name });
      },
      onError: ({ error }) => {
        logger.error('job failed', { error: error as Error });
      },
    })
    .handler(async (event, context) => {
      // `before` put the checked event in place of the one that came.
      const result = await run(context, event as ScheduledEvent);
      logger.info('job finished', { result: result as Record<string, unknown> });
      return result;
    });
}
