import { stylesheetRoute } from '../../../shared/routes';
import { styles } from '../../../shared/presentation/styles';
import { httpRoute } from '../../lib/http';

/** The one stylesheet; cached briefly so a fix reaches municipal pages soon. */
export const handler = httpRoute(stylesheetRoute, async () => ({
  text: styles,
  contentType: 'text/css; charset=utf-8',
  headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
}));
