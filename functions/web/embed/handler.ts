import { embedScriptRoute } from '../../../shared/routes';
import { embedScript } from '../../../web/dist/embed-script';
import { httpRoute } from '../../lib/http';

export const handler = httpRoute(embedScriptRoute, async () => ({
  text: embedScript,
  contentType: 'text/javascript; charset=utf-8',
  // Any page may load the script; it only talks to this API. Cached briefly so fixes reach pages soon.
  headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
}));
