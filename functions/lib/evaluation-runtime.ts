import type { EvaluationDeps } from '../../shared/evaluation/evaluate';
import { dynamoMailoutStore } from '../adapters/mailout-store';
import { dynamoRatingStore } from '../adapters/rating-store';
import { env } from './env';
import { client, runtime } from './runtime';

/** The evaluation's dependencies (P14): the mailouts' counts and the ratings, without the SES client. */
export const evaluationDeps: EvaluationDeps = {
  ...runtime,
  mailouts: dynamoMailoutStore(client, env().tableName),
  ratings: dynamoRatingStore(client, env().tableName),
};
