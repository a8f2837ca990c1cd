import { publicRegister } from '../../../shared/dialogue/register';
import { filterOf } from '../../../shared/dialogue/register-query';
import { registerRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { links } from '../../web/links';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'municipality' | 'clock'>) =>
  httpRoute(registerRoute, async ({ query }) => {
    const { entries } = await publicRegister(deps, filterOf(query));
    return {
      json: entries.map((e) => ({ ...e, resultsUrl: links().results(e.id) })),
      headers: { 'cache-control': 'public, max-age=60' },
    };
  });

export const handler = createHandler(runtime);
