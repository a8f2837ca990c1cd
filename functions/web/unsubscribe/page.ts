import { verifyUnsubscribeToken } from '../../../shared/mail/unsubscribe-token';
import { unsubscribePageRoute } from '../../../shared/routes';
import { badUnsubscribeLinkPage, unsubscribeConfirmPage } from '../../../shared/presentation/unsubscribe-pages';
import { unsubscribeSecret } from '../../adapters/secret';
import { env } from '../../lib/env';
import { httpRoute } from '../../lib/http';

/** Shows a confirmation; deleting needs the POST (RFC 8058: a GET must not change anything). */
export const createHandler = (secret: () => Promise<string>) =>
  httpRoute(unsubscribePageRoute, async ({ query }) => {
    if (!query.token || !verifyUnsubscribeToken(await secret(), query.token))
      return { statusCode: 400, html: badUnsubscribeLinkPage() };
    return {
      html: unsubscribeConfirmPage(`${env().publicBaseUrl}/unsubscribe?token=${encodeURIComponent(query.token)}`),
    };
  });

export const handler = createHandler(unsubscribeSecret);
