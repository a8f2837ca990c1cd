import type { SigningKeys } from '../../../shared/mail/signed';
import { verifyUnsubscribeToken } from '../../../shared/mail/unsubscribe-token';
import { unsubscribePageRoute } from '../../../shared/routes';
import {
  badUnsubscribeLinkPage,
  unsubscribeConfirmPage,
  unsubscribedPage,
} from '../../../shared/presentation/unsubscribe-pages';
import { unsubscribeKeys } from '../../adapters/secret';
import { httpRoute } from '../../lib/http';
import { type MailoutRuntime, mailoutRuntime } from '../../lib/mailout-runtime';
import { resultsLinks } from './results-links';
import { links } from '../links';

/** Shows a confirmation, or that the address is gone already; deleting needs the POST (RFC 8058: a GET changes nothing). */
export const createHandler = ({ mailouts, keys }: MailoutRuntime & { keys: () => Promise<SigningKeys> }) =>
  httpRoute(unsubscribePageRoute, async ({ query }) => {
    const contact = query.token ? verifyUnsubscribeToken(await keys(), query.token) : undefined;
    if (!query.token || !contact) return { statusCode: 400, html: badUnsubscribeLinkPage() };
    const results = resultsLinks(contact.dialogueId);
    if (!(await mailouts.hasContact(contact.dialogueId, contact.emailHash)))
      return { html: unsubscribedPage(results, true) };
    return { html: unsubscribeConfirmPage(links().unsubscribe(query.token), results) };
  });

export const handler = createHandler({ ...mailoutRuntime, keys: unsubscribeKeys });
