import { publicResults } from '../../../shared/aggregation/results';
import { publicDefinition } from '../../../shared/dialogue/public-view';
import { runMailouts } from '../../../shared/mail/mailout-run';
import type { SigningKeys } from '../../../shared/mail/signed';
import { jobs } from '../../../shared/routes';
import { unsubscribeKeys } from '../../adapters/secret';
import { env } from '../../lib/env';
import { scheduledJob } from '../../lib/job';
import { type MailRuntime, mailRuntime } from '../../lib/mail-runtime';
import { type Runtime, runtime } from '../../lib/runtime';

type Deps = Pick<Runtime, 'dialogues' | 'aggregates' | 'municipality' | 'clock' | 'disclosureThreshold'> &
  MailRuntime & { keys: () => Promise<SigningKeys> };

export const createHandler = (deps: Deps) =>
  scheduledJob(jobs.mailout, async (context) =>
    runMailouts({
      dialogues: deps.dialogues,
      mailouts: deps.mailouts,
      mailer: deps.mailer,
      clock: deps.clock,
      settings: {
        ...env().mail,
        publicBaseUrl: env().publicBaseUrl,
        // Once per run: a run (15 minutes at most) signs with the keys it started with; they outlive one rotation.
        unsubscribeKeys: await deps.keys(),
        leaseMs: 120_000,
      },
      content: async (dialogue) => ({
        definition: publicDefinition(dialogue, deps.municipality),
        results: (await publicResults(deps, dialogue.id)).results,
      }),
      remainingMs: () => context.getRemainingTimeInMillis(),
    }),
  );

export const handler = createHandler({ ...runtime, ...mailRuntime, keys: unsubscribeKeys });
