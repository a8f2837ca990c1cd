import { routeTable } from '../../local/route-table';
import { testRoute } from '../support/routes';

const route = testRoute;

// Parameter routes are listed before the literal ones on purpose: specificity, not order, must decide.
const routes = [
  route('GetDialogue', 'GET', '/dialogues/{id}'),
  route('SubmitResponse', 'POST', '/dialogues/{id}/responses'),
  route('GetDemo', 'GET', '/dialogues/demo'),
  route('ListDialogues', 'GET', '/admin/dialogues'),
  route('CreateDialogue', 'POST', '/admin/dialogues'),
  route('Files', 'GET', '/files/{path+}'),
  route('Health', 'GET', '/health'),
];
const match = routeTable(routes);
const found = (method: string, path: string) => {
  const result = match(method, path);
  if (result.kind !== 'found') throw new Error(`expected ${method} ${path} to be found, got ${result.kind}`);
  return result;
};

describe('routeTable', () => {
  test('a literal route wins over a parameter route that also matches, whatever the order', () => {
    expect(found('GET', '/dialogues/demo').route.name).toBe('GetDemo');
    expect(routeTable([...routes].reverse())('GET', '/dialogues/demo')).toMatchObject({
      kind: 'found',
      route: { name: 'GetDemo' },
    });
  });

  test('other ids still reach the parameter route, with the parameter named', () => {
    expect(found('GET', '/dialogues/lekplatsen-3f9a')).toEqual({
      kind: 'found',
      route: routes[0],
      pathParameters: { id: 'lekplatsen-3f9a' },
    });
  });

  test('path parameters are percent-decoded', () => {
    expect(found('GET', '/dialogues/l%C3%A5ngasj%C3%B6%20x').pathParameters).toEqual({ id: 'långasjö x' });
  });

  test('a parameter matches one segment only, so an extra segment is not found', () => {
    expect(match('GET', '/dialogues/a/b')).toEqual({ kind: 'not-found' });
    expect(found('POST', '/dialogues/a/responses').pathParameters).toEqual({ id: 'a' });
  });

  test('a greedy parameter takes the rest of the path', () => {
    expect(found('GET', '/files/a/b/c.txt').pathParameters).toEqual({ path: 'a/b/c.txt' });
  });

  test('a known path with the wrong method lists the methods allowed there', () => {
    expect(match('DELETE', '/health')).toEqual({ kind: 'wrong-method', allowed: ['GET'] });
    const onAdmin = match('PUT', '/admin/dialogues');
    expect(onAdmin.kind === 'wrong-method' && [...onAdmin.allowed].sort()).toEqual(['GET', 'POST']);
  });

  test('the same path with each of its methods reaches its own route', () => {
    expect(found('GET', '/admin/dialogues').route.name).toBe('ListDialogues');
    expect(found('POST', '/admin/dialogues').route.name).toBe('CreateDialogue');
  });

  test('an unknown path is not found; so is a known path with a trailing slash or different case', () => {
    expect(match('GET', '/nowhere')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/health/')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/Health')).toEqual({ kind: 'not-found' });
  });

  test('a malformed percent-encoding in a parameter throws URIError (the gateway answers 400 for it)', () => {
    expect(() => match('GET', '/dialogues/%E0%A4%A')).toThrow(URIError);
  });
});
