import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { ljungby } from '../../shared/municipality';
import type { Clock, IdSource } from '../../shared/ports';
import { dynamoAggregateStore, dynamoResponseReader } from '../adapters/aggregate-store';
import { cachedDialogues } from '../adapters/dialogue-cache';
import { dynamoDialogueStore } from '../adapters/dialogue-store';
import { createDocumentClient } from '../adapters/dynamodb';
import { dynamoFreeTextFinder, dynamoModerationReader } from '../adapters/moderation-store';
import { dynamoResponseStore } from '../adapters/response-store';
import { env } from './env';

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource & { suffix(): string } = {
  newId: () => randomUUID(),
  shard: (shards) => randomInt(shards),
  suffix: () => randomBytes(3).toString('hex'),
};

/** The one document client of this cold start. */
export const client = createDocumentClient();
const dialogues = dynamoDialogueStore(client, env().tableName);

/** The real dependencies, created once per cold start and shared by every handler in the bundle. */
export const runtime = {
  dialogues,
  /** For the public hot path (submissions); officials always read the table. */
  cachedDialogues: cachedDialogues(dialogues, systemClock),
  responses: dynamoResponseStore(client, env().tableName),
  municipality: ljungby,
  clock: systemClock,
  ids: randomIds,
  responseShards: env().responseShards,
  aggregates: dynamoAggregateStore(client, env().tableName),
  responseReader: dynamoResponseReader(client, env().tableName),
  safetyLagMs: env().aggregationLagMs,
  disclosureThreshold: env().disclosureThreshold,
  moderations: dynamoModerationReader(client, env().tableName),
  freeTexts: dynamoFreeTextFinder(client, env().tableName),
};
export type Runtime = typeof runtime;
