import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { env } from '../../functions/lib/env';
import { ensureTable } from '../../local/dynamodb';
import { table } from '../../shared/table';

const client = new DynamoDBClient({ endpoint: env().dynamoEndpoint, maxAttempts: 1 });
const name = `${env().tableName}-kept`;
const indexesOf = async () =>
  ((await client.send(new DescribeTableCommand({ TableName: name }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((i) => i.IndexName)
    .sort();

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
  client.destroy();
});

describe('ensureTable on a table kept from an older build (npm start persists .local/)', () => {
  it('adds the indexes the table lacks, and a second start changes nothing', async () => {
    const [first, ...later] = table.indexes;
    if (!first || later.length === 0)
      throw new Error('the table definition changed: this test needs an index to leave out');
    await ensureTable(client, { ...table, indexes: [first] }, name);
    expect(await indexesOf()).toEqual([first.name]);

    await ensureTable(client, table, name);
    expect(await indexesOf()).toEqual(table.indexes.map((i) => i.name).sort());

    await expect(ensureTable(client, table, name)).resolves.toBeUndefined();
  });
});
