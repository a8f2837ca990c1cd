/**
 * The single table: keys, indexes and TTL, declared once.
 * The CDK stack and the local stack both create the table from this; adapters use the attribute names.
 */

export const attr = {
  pk: 'pk',
  sk: 'sk',
  gsi1pk: 'gsi1pk',
  gsi1sk: 'gsi1sk',
  gsi2pk: 'gsi2pk',
  gsi2sk: 'gsi2sk',
  /** Epoch seconds; DynamoDB's TTL deletes the item some time after. */
  expiresAt: 'expiresAt',
} as const;

/** The listing index: dialogues by creation time. */
export const GSI1 = 'gsi1';
/** The arrival index: each dialogue's responses per shard in the order they arrived, read by the aggregation. */
export const GSI2 = 'gsi2';

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  /** Locally the table is `<stage>-medborgardialog`; in AWS CloudFormation names it. */
  readonly baseName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute: string;
}

export const table: TableDefinition = {
  baseName: 'medborgardialog',
  partitionKey: attr.pk,
  sortKey: attr.sk,
  indexes: [
    { name: GSI1, partitionKey: attr.gsi1pk, sortKey: attr.gsi1sk },
    { name: GSI2, partitionKey: attr.gsi2pk, sortKey: attr.gsi2sk },
  ],
  timeToLiveAttribute: attr.expiresAt,
};

export const tableName = (stage: string): string => `${stage}-${table.baseName}`;
