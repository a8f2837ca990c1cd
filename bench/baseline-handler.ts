import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The init baseline: a bundled handler that only creates the DynamoDB client, as every handler must. */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (): Promise<string> => typeof client;
