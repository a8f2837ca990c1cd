import { readMailout } from '../../../../shared/decision/register';
import { getMailoutRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type MailoutRuntime, mailoutRuntime } from '../../../lib/mailout-runtime';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'clock'> & MailoutRuntime) =>
  httpRoute(getMailoutRoute, async ({ caller, path }) => ({
    json: await readMailout(deps, caller, path.id),
  }));

export const handler = createHandler({ ...runtime, ...mailoutRuntime });
