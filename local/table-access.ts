import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableAccess } from '../shared/routes';
import { type TableAction, allows } from '../shared/table-access';
import { attr } from '../shared/table';

/**
 * IAM for the local stack: each invocation runs with its manifest entry's table access, and a DynamoDB request it
 * does not allow fails as AWS would fail it (AccessDeniedException), so a too narrow entry shows in local tests
 * before it shows in production. Invocations outside the gateway and scheduler (unit tests) are not checked.
 */
const current = new AsyncLocalStorage<TableAccess>();

export const withTableAccess = <T>(access: TableAccess, run: () => Promise<T>): Promise<T> => current.run(access, run);

type Item = Record<string, unknown> | undefined;
/** The parts of a DynamoDB request's input that name the items it writes. */
interface Input {
  Item?: Item;
  Key?: Item;
  RequestItems?: Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>;
  TransactItems?: { Put?: { Item: Item }; Update?: { Key: Item }; Delete?: { Key: Item }; ConditionCheck?: unknown }[];
}
interface Request {
  action: TableAction | 'Scan';
  keys: Item[];
}

/** The document client's and the low-level client's command names, with the items whose partition keys count. */
function requestOf(name: string, input: Input): Request | undefined {
  switch (name.replace(/Command$/, '')) {
    case 'Get':
    case 'GetItem':
      return { action: 'GetItem', keys: [] };
    case 'BatchGet':
    case 'BatchGetItem':
    case 'TransactGet':
    case 'TransactGetItems':
      return { action: name.startsWith('Batch') ? 'BatchGetItem' : 'GetItem', keys: [] };
    case 'Query':
      return { action: 'Query', keys: [] };
    case 'Scan':
      return { action: 'Scan', keys: [] };
    case 'Put':
    case 'PutItem':
      return { action: 'PutItem', keys: [input.Item] };
    case 'Update':
    case 'UpdateItem':
      return { action: 'UpdateItem', keys: [input.Key] };
    case 'Delete':
    case 'DeleteItem':
      return { action: 'DeleteItem', keys: [input.Key] };
    case 'BatchWrite':
    case 'BatchWriteItem':
      return {
        action: 'BatchWriteItem',
        keys: Object.values(input.RequestItems ?? {}).flatMap((requests) =>
          requests.map((request) => request.PutRequest?.Item ?? request.DeleteRequest?.Key),
        ),
      };
    default:
      return undefined;
  }
}

/** A transaction is checked item by item, as IAM does: each Put, Update, Delete and ConditionCheck on its own. */
function requestsOf(name: string, input: Input): Request[] {
  if (!/^TransactWrite/.test(name)) {
    const request = requestOf(name, input);
    return request ? [request] : [];
  }
  return (input.TransactItems ?? []).map((item): Request =>
    item.ConditionCheck
      ? { action: 'ConditionCheckItem', keys: [] }
      : item.Put
        ? { action: 'PutItem', keys: [item.Put.Item] }
        : { action: item.Update ? 'UpdateItem' : 'DeleteItem', keys: [(item.Update ?? item.Delete)?.Key] },
  );
}

const partitionKey = (item: Item): string | undefined => {
  const value = item?.[attr.pk] as string | { S?: string } | undefined;
  return typeof value === 'string' ? value : value?.S;
};

function refuse(access: TableAccess, { action, keys }: Request): Error | undefined {
  const allowed =
    action !== 'Scan' &&
    (keys.length === 0 ? allows(access, action) : keys.every((item) => allows(access, action, partitionKey(item))));
  if (allowed) return undefined;
  const error = new Error(
    `Not authorized to perform dynamodb:${action} (table access ${JSON.stringify(access)} in the route manifest)`,
  );
  error.name = 'AccessDeniedException';
  return error;
}

let installed = false;

/** Wraps both clients' `send` once per process; the gateway and the scheduler then run each handler in its access. */
export function enforceTableAccess(): void {
  if (installed) return;
  installed = true;
  for (const client of [DynamoDBClient, DynamoDBDocumentClient]) {
    const send = client.prototype.send as (...args: unknown[]) => Promise<unknown>;
    const checkedSend = function (this: unknown, command: { input: Input }, ...rest: unknown[]) {
      const access = current.getStore();
      const denied =
        access === undefined
          ? undefined
          : requestsOf(command.constructor.name, command.input)
              .map((request) => refuse(access, request))
              .find(Boolean);
      return denied ? Promise.reject(denied) : send.call(this, command, ...rest);
    };
    client.prototype.send = checkedSend as unknown as typeof client.prototype.send;
  }
}
