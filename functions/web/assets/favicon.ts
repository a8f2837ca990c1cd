import { faviconRoute } from '../../../shared/routes';
import { favicon } from '../../../shared/presentation/styles';
import { httpRoute } from '../../lib/http';

/** Browsers ask every page's origin for it; an answer keeps a 404 out of every console. */
export const handler = httpRoute(faviconRoute, async () => ({
  text: favicon,
  contentType: 'image/svg+xml',
  headers: { 'cache-control': 'public, max-age=86400' },
}));
