import { correctDecision } from '../../../../shared/decision/register';
import { correctDecisionRoute } from '../../../../shared/routes';
import { httpRoute } from '../../../lib/http';
import { type MailoutRuntime, mailoutRuntime } from '../../../lib/mailout-runtime';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'clock'> & MailoutRuntime) =>
  httpRoute(correctDecisionRoute, async ({ caller, path, body }) => ({
    json: await correctDecision(deps, caller, path.id, body),
  }));

export const handler = createHandler({ ...runtime, ...mailoutRuntime });
