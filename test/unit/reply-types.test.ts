/**
 * A handler's reply is typed by its route's declared replies (shared/routes.ts, shared/http-bodies.ts): `npm run
 * typecheck` compiles this file, and each `@ts-expect-error` fails the typecheck as soon as its reply compiles.
 */
import { httpRoute } from '../../functions/lib/http';
import { formPageRoute, healthRoute, listCommitteesRoute, submitResponseRoute, whoAmIRoute } from '../../shared/routes';

test('an official’s route hands its handler the caller; a public route’s handler cannot rely on one', () => {
  const official = httpRoute(whoAmIRoute, async ({ caller }) => ({
    json: { sub: caller.sub, isAdmin: caller.isAdmin, committees: [] },
  }));
  httpRoute(healthRoute, async ({ caller }) => {
    // @ts-expect-error a public route may have no caller
    const sub: string = caller.sub;
    return { json: { status: 'ok' as const }, headers: { 'x-sub': sub } };
  });
  expect(typeof official).toBe('function');
});

test('a reply that does not fit its route’s declared statuses and schemas does not compile', () => {
  // @ts-expect-error a JSON body that does not fit the 200's schema
  httpRoute(healthRoute, async () => ({ json: { status: 'down' } }));
  // @ts-expect-error a committee without its name
  httpRoute(listCommitteesRoute, async () => ({ json: [{ id: 'kommunstyrelsen' }] }));
  // @ts-expect-error a status the route does not declare
  httpRoute(healthRoute, async () => ({ statusCode: 418, json: { status: 'ok' as const } }));
  // @ts-expect-error JSON where the route answers with pages
  httpRoute(formPageRoute, async () => ({ json: { id: 'demo' } }));
  // @ts-expect-error the receipt without its responseId
  httpRoute(submitResponseRoute, async () => ({
    json: { dialogueId: 'demo', receivedAt: '2026-03-10T09:00:00.000Z', willReceiveFeedback: false },
  }));

  expect(typeof httpRoute(healthRoute, async () => ({ json: { status: 'ok' as const } }))).toBe('function');
  expect(typeof httpRoute(formPageRoute, async () => ({ statusCode: 409, html: '<p>Inte öppen än</p>' }))).toBe(
    'function',
  );
});
