/**
 * A 400 is bounded: it lists the first MAX_LISTED_ISSUES issues and counts them all, so thousands of problems in a
 * small request (5,000 unknown answer keys in 49 KB) answer in a few KB, not in the 737 KB it took to list them all.
 */
import { randomUUID } from 'node:crypto';
import { createHandler as createSubmitHandler } from '../../functions/dialogues/submit/handler';
import type { Issue } from '../../shared/errors';
import { MAX_LISTED_ISSUES } from '../../shared/http-bodies';
import { DEFAULT_BODY_LIMIT_BYTES, routes } from '../../shared/routes';
import { type HttpHandler, httpEvent, invoke } from '../integration/support/events';
import { demo, neverStoringDeps } from './fixtures';

const UNKNOWN_KEYS = 5000;

const manyUnknownAnswers = () => ({
  answers: {
    favourite: 'alla',
    ...Object.fromEntries(Array.from({ length: UNKNOWN_KEYS }, (_, i) => [`x${i}`, 1])),
  },
  submissionId: randomUUID(),
});

test('5,000 unknown answer keys answer 400 with the first 100 issues, the count of all, in under 20 KB', async () => {
  const dialogue = demo();
  const body = JSON.stringify(manyUnknownAnswers());
  expect(Buffer.byteLength(body)).toBeLessThan(DEFAULT_BODY_LIMIT_BYTES);

  const handler = createSubmitHandler(neverStoringDeps(dialogue)) as HttpHandler;
  const answer = await invoke<{ error: string; issues: Issue[]; issueCount: number }>(
    handler,
    httpEvent(routes.submitResponse, { pathParameters: { id: dialogue.id }, body }),
  );

  expect(answer.statusCode).toBe(400);
  expect(answer.json.error).toBe('validation');
  expect(answer.json.issues).toHaveLength(MAX_LISTED_ISSUES);
  expect(answer.json.issueCount).toBeGreaterThanOrEqual(UNKNOWN_KEYS);
  expect(answer.json.issues[0]?.path).toBe('answers.x0');
  expect(Buffer.byteLength(String(answer.raw.body))).toBeLessThan(20 * 1024);
});

test('a 400 with few issues lists them all and counts them', async () => {
  const dialogue = demo();
  const handler = createSubmitHandler(neverStoringDeps(dialogue)) as HttpHandler;
  const answer = await invoke<{ issues: Issue[]; issueCount: number }>(
    handler,
    httpEvent(routes.submitResponse, { pathParameters: { id: dialogue.id }, body: { answers: {} } }),
  );
  expect(answer.statusCode).toBe(400);
  expect(answer.json.issueCount).toBe(answer.json.issues.length);
});
