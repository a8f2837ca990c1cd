import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { enforceTableAccess, withTableAccess } from '../../local/table-access';
import { keys } from '../../shared/keys';
import { createTestTable, dropTestTable } from '../support/dynamo';
import { routes } from '../../shared/routes';
import { testDocumentClient, tableName } from './support/table';

const client = testDocumentClient();
const put = (item: Record<string, unknown>) => new PutCommand({ TableName: tableName(), Item: item });
const denied = { name: 'AccessDeniedException' };

beforeAll(async () => {
  enforceTableAccess();
  await createTestTable();
});
afterAll(async () => {
  client.destroy();
  await dropTestTable();
});

describe('the local stack enforces each manifest entry’s table access, as IAM does in AWS', () => {
  it('a function with no table access may not even read', async () => {
    await expect(
      withTableAccess(routes.health.table, () =>
        client.send(new GetCommand({ TableName: tableName(), Key: keys.dialogue('x') })),
      ),
    ).rejects.toMatchObject(denied);
  });

  it('a reading function gets and queries, but may neither write nor scan', async () => {
    const access = routes.getResults.table;
    await withTableAccess(access, () =>
      client.send(new GetCommand({ TableName: tableName(), Key: keys.dialogue('x') })),
    );
    await withTableAccess(access, () =>
      client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.dialogue('x').pk },
        }),
      ),
    );
    await expect(withTableAccess(access, () => client.send(put(keys.dialogue('x'))))).rejects.toMatchObject(denied);
    await expect(
      withTableAccess(access, () => client.send(new ScanCommand({ TableName: tableName() }))),
    ).rejects.toMatchObject(denied);
  });

  it('a function granted some kinds of item writes those, and no other, in a transaction or through the low-level client', async () => {
    const access = routes.rate.table;
    await withTableAccess(access, () =>
      client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName(), Item: keys.rater('x', 'r1') } },
            { Put: { TableName: tableName(), Item: keys.rating('x', 'g1') } },
          ],
        }),
      ),
    );
    await expect(
      withTableAccess(access, () =>
        client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName(), Item: keys.rater('x', 'r2') } },
              { Put: { TableName: tableName(), Item: keys.contact('x', 'h') } },
            ],
          }),
        ),
      ),
    ).rejects.toMatchObject(denied);
    const { pk, sk } = keys.dialogue('x');
    await expect(
      withTableAccess(access, () =>
        client.send(new PutItemCommand({ TableName: tableName(), Item: { pk: { S: pk }, sk: { S: sk } } })),
      ),
    ).rejects.toMatchObject(denied);
    // The refused transaction stored nothing: it never reached the table.
    const second = await client.send(new GetCommand({ TableName: tableName(), Key: keys.rater('x', 'r2') }));
    expect(second.Item).toBeUndefined();
  });

  it('a function granted any write writes anything, and outside an invocation nothing is checked', async () => {
    await withTableAccess(routes.submitResponse.table, () => client.send(put(keys.dialogue('y'))));
    await client.send(put(keys.contact('y', 'h')));
  });
});
