import { verifyUnsubscribeToken } from '../../../shared/mail/unsubscribe-token';
import { unsubscribePageRoute } from '../../../shared/routes';
import { badUnsubscribeLinkPage, unsubscribeConfirmPage } from '../../../shared/presentation/unsubscribe-pages';
import { unsubscribeSecret } from '../../adapters/secret';
import { httpRoute } from '../../lib/http';
import { links } from '../links';

/** Shows a confirmation; deleting needs the POST (RFC 8058: a GET must not change anything). */
export const createHandler = (secret: () => Promise<string>) =>
  httpRoute(unsubscribePageRoute, async ({ query }) => {
    if (!query.token || !verifyUnsubscribeToken(await secret(), query.token))
      return { statusCode: 400, html: badUnsubscribeLinkPage() };
    return {
      html: unsubscribeConfirmPage(links().unsubscribe(query.token)),
    };
  });

export const handler = createHandler(unsubscribeSecret);
