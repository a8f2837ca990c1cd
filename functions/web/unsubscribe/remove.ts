import type { SigningKeys } from '../../../shared/mail/signed';
import { verifyUnsubscribeToken } from '../../../shared/mail/unsubscribe-token';
import { unsubscribeRoute } from '../../../shared/routes';
import { badUnsubscribeLinkPage, unsubscribedPage } from '../../../shared/presentation/unsubscribe-pages';
import { unsubscribeKeys } from '../../adapters/secret';
import { httpRoute } from '../../lib/http';
import { resultsLinks } from './results-links';
import { type MailoutRuntime, mailoutRuntime } from '../../lib/mailout-runtime';

/** Deletes the contact (erasure). The token comes in the URL, from the one-click header and the confirmation form alike. */
export const createHandler = ({ mailouts, keys }: MailoutRuntime & { keys: () => Promise<SigningKeys> }) =>
  httpRoute(unsubscribeRoute, async ({ query }) => {
    const token = query.token ?? '';
    const contact = verifyUnsubscribeToken(await keys(), token);
    if (!contact) return { statusCode: 400, html: badUnsubscribeLinkPage() };
    const removed = await mailouts.deleteContact(contact.dialogueId, contact.emailHash);
    return { html: unsubscribedPage(resultsLinks(contact.dialogueId), !removed) };
  });

export const handler = createHandler({ ...mailoutRuntime, keys: unsubscribeKeys });
