import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/keys';
import type { Deletion, RetentionStore } from '../../shared/retention/sweep';
import { GSI2, attr } from '../../shared/table';

/** DynamoDB's most per BatchWriteItem. */
const BATCH_SIZE = 25;
/** Keys read per page: ten batches, deleted at once, before the next page is read. */
const PAGE_SIZE = 250;
/** Tries of the part DynamoDB left unprocessed (throttled), with backoff; past these the run fails and the next goes on. */
const UNPROCESSED_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Key = Record<string, unknown>;

/** One BatchWriteItem of deletes, again for what comes back unprocessed, until none is left. */
async function deleteBatch(client: DynamoDBDocumentClient, tableName: string, batch: readonly Key[]): Promise<void> {
  let requests = batch.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; requests.length > 0; attempt++) {
    if (attempt > UNPROCESSED_ATTEMPTS)
      throw new Error(`${requests.length} deletes still unprocessed after ${UNPROCESSED_ATTEMPTS} attempts`);
    if (attempt > 1) await sleep(Math.min(2000, 50 * 2 ** (attempt - 2)) * (0.5 + Math.random() / 2));
    const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
      request.DeleteRequest?.Key ? [{ DeleteRequest: { Key: request.DeleteRequest.Key } }] : [],
    );
  }
}

/**
 * Deletes every item a query finds, a page at a time; what is gone already is not found again, so a run that stopped
 * (for `stop()`, or died) is finished by the next, and deleting twice deletes nothing.
 */
async function deleteFound(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues'> & {
    names: Record<string, string>;
  },
  stop: () => boolean,
): Promise<Deletion> {
  let deleted = 0;
  const pages = paginateQuery(
    { client, pageSize: PAGE_SIZE },
    {
      TableName: tableName,
      ...(query.IndexName ? { IndexName: query.IndexName } : { ConsistentRead: true }),
      KeyConditionExpression: query.KeyConditionExpression,
      ExpressionAttributeNames: { ...query.names, '#tablePk': attr.pk, '#tableSk': attr.sk },
      ExpressionAttributeValues: query.ExpressionAttributeValues,
      ProjectionExpression: '#tablePk, #tableSk',
    },
  );
  for await (const page of pages) {
    const found = (page.Items ?? []).map((item) => ({ [attr.pk]: item[attr.pk], [attr.sk]: item[attr.sk] }));
    const batches: Key[][] = [];
    for (let i = 0; i < found.length; i += BATCH_SIZE) batches.push(found.slice(i, i + BATCH_SIZE));
    await Promise.all(batches.map((batch) => deleteBatch(client, tableName, batch)));
    deleted += found.length;
    if (page.LastEvaluatedKey && stop()) return { deleted, complete: false };
  }
  return { deleted, complete: true };
}

const inPartition = (pk: string) => ({
  KeyConditionExpression: '#pk = :pk',
  names: { '#pk': attr.pk },
  ExpressionAttributeValues: { ':pk': pk },
});

export function dynamoRetentionStore(client: DynamoDBDocumentClient, tableName: string): RetentionStore {
  return {
    async deleteResponses(dialogue, stop) {
      // Responses live under their submission ids; the arrival index (GSI2) is where a dialogue's are found.
      const partitions = [
        ...Array.from({ length: dialogue.responseShards }, (_, shard) => keys.responsePartition(dialogue.id, shard)),
        keys.quarantinePartition(dialogue.id),
      ];
      let deleted = 0;
      for (const partition of partitions) {
        const found = await deleteFound(
          client,
          tableName,
          {
            IndexName: GSI2,
            KeyConditionExpression: '#pk = :pk',
            names: { '#pk': attr.gsi2pk },
            ExpressionAttributeValues: { ':pk': partition },
          },
          stop,
        );
        deleted += found.deleted;
        if (!found.complete) return { deleted, complete: false };
      }
      const moderations = await deleteFound(
        client,
        tableName,
        inPartition(keys.moderationPartition(dialogue.id)),
        stop,
      );
      return { deleted: deleted + moderations.deleted, complete: moderations.complete };
    },
    deleteContacts: (dialogueId, stop) =>
      deleteFound(client, tableName, inPartition(keys.contactPartition(dialogueId)), stop),
  };
}
