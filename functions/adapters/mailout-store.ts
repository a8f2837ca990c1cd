import { createHash } from 'node:crypto';
import { conditionHeld, isConditionFailure } from './conditional';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { Mailout } from '../../shared/decision/mailout';
import type { MailoutStore, PendingContact } from '../../shared/decision/ports';
import { ConflictError } from '../../shared/errors';
import * as refusals from '../../shared/messages/refusals';
import { keys } from '../../shared/keys';
import { normaliseEmail } from '../../shared/responses/submit';
import { attr } from '../../shared/table';
import { dialogueWriteItems } from './dialogue-items';

/** The reasons the SES feedback handler fails a contact with. */
const BOUNCES = new Set(['bounce', 'complaint']);

/** Suppressions are per address, whatever the dialogue. */
const addressHash = (email: string): string => createHash('sha256').update(normaliseEmail(email)).digest('hex');

/** BatchGetItem's most keys per request; also how many contacts are checked against the suppression list at once. */
const BATCH_GET_KEYS = 100;

/** Contacts are the queue: no `state` = pending; `sending` with a lease; then `sent` (expires by TTL) or `failed`. */
export function dynamoMailoutStore(client: DynamoDBDocumentClient, tableName: string): MailoutStore {
  const contactsOf = (
    dialogueId: string,
    filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
    after?: string,
  ) =>
    paginateQuery(
      { client },
      {
        TableName: tableName,
        KeyConditionExpression: after === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
        ...(filter ? { FilterExpression: filter.expression } : {}),
        ExpressionAttributeNames: {
          '#pk': attr.pk,
          ...(after === undefined ? {} : { '#sk': attr.sk }),
          ...filter?.names,
        },
        ExpressionAttributeValues: {
          ':pk': keys.contactPartition(dialogueId),
          ...(after === undefined ? {} : { ':after': after }),
          ...filter?.values,
        },
        ConsistentRead: true,
      },
    );
  const contactKey = keys.contact;
  /** The address hashes among these that must not be mailed (bounced, complained): a BatchGetItem per hundred. */
  async function suppressedAmong(hashes: readonly string[]): Promise<ReadonlySet<string>> {
    const suppressed = new Set<string>();
    // BatchGetItem takes 100 keys, none twice; what it leaves unprocessed (throttled) is asked again.
    for (let left = [...new Set(hashes)]; left.length > 0;) {
      let request: NonNullable<BatchGetCommandOutput['UnprocessedKeys']>[string] | undefined = {
        Keys: left.splice(0, BATCH_GET_KEYS).map((hash) => keys.suppression(hash)),
      };
      while (request?.Keys?.length) {
        const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: request } }),
        );
        for (const item of Responses?.[tableName] ?? []) suppressed.add(String(item[attr.sk]));
        request = UnprocessedKeys?.[tableName];
      }
    }
    return suppressed;
  }
  /** Contacts as the queue yields them, with their addresses checked against the suppression list. */
  async function pendingContacts(items: readonly Record<string, unknown>[]): Promise<PendingContact[]> {
    const addresses = items.map((item) => addressHash(String(item.email)));
    const suppressed = await suppressedAmong(addresses);
    return items.map((item, i) => ({
      emailHash: String(item[attr.sk]),
      email: String(item.email),
      language: item.language === 'en' ? 'en' : 'sv',
      suppressed: suppressed.has(addresses[i] as string),
    }));
  }
  return {
    async countContacts(dialogueId) {
      let count = 0;
      for await (const page of contactsOf(dialogueId)) count += page.Items?.length ?? 0;
      return count;
    },
    async startWithDecision(decided, mailout) {
      if (
        !(await conditionHeld(
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                ...dialogueWriteItems(tableName, decided),
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...keys.mailout(decided.dialogue.id), kind: 'mailout', ...mailout },
                    ConditionExpression: `attribute_not_exists(${attr.pk})`,
                  },
                },
              ],
            }),
          ),
        ))
      )
        throw new ConflictError(refusals.changedOrDecided());
    },
    async correctDecision(corrected) {
      if (
        !(await conditionHeld(
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                ...dialogueWriteItems(tableName, corrected),
                {
                  ConditionCheck: {
                    TableName: tableName,
                    Key: keys.mailout(corrected.dialogue.id),
                    ConditionExpression: 'attribute_not_exists(startedSendingAt)',
                  },
                },
              ],
            }),
          ),
        ))
      )
        throw new ConflictError(refusals.mailoutStarted());
    },
    async get(dialogueId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: keys.mailout(dialogueId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { status, total, sent, failed, startedAt, completedAt, recipients, bounced, unsubscribed, resumeAfter } =
        Item;
      return {
        dialogueId,
        status,
        total: Number(total),
        sent: Number(sent),
        failed: Number(failed),
        // Mailouts started before these were counted have none of them.
        recipients: Number(recipients ?? total),
        bounced: Number(bounced ?? 0),
        unsubscribed: Number(unsubscribed ?? 0),
        startedAt,
        ...(completedAt ? { completedAt } : {}),
        ...(resumeAfter ? { resumeAfter } : {}),
      } as Mailout;
    },
    async resumeAt(dialogueId, after) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.mailout(dialogueId),
          ...(after === undefined
            ? { UpdateExpression: 'REMOVE resumeAfter' }
            : { UpdateExpression: 'SET resumeAfter = :after', ExpressionAttributeValues: { ':after': after } }),
        }),
      );
    },
    async acquireRun(dialogueId, owner, now, until) {
      if (
        !(await conditionHeld(
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.mailoutRunner,
              UpdateExpression: 'SET runner = :owner, runnerUntil = :until',
              ConditionExpression: 'attribute_not_exists(runnerUntil) OR runnerUntil < :now OR runner = :owner',
              ExpressionAttributeValues: { ':owner': owner, ':until': until.toISOString(), ':now': now.toISOString() },
            }),
          ),
        ))
      )
        return false;
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.mailout(dialogueId),
          UpdateExpression: 'SET startedSendingAt = if_not_exists(startedSendingAt, :now)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
      return true;
    },
    async releaseRun(_dialogueId, owner) {
      await conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailoutRunner,
            UpdateExpression: 'REMOVE runner, runnerUntil',
            ConditionExpression: 'runner = :owner',
            ExpressionAttributeValues: { ':owner': owner },
          }),
        ),
      );
    },
    async release(dialogueId, emailHash, owner) {
      const released = await conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: contactKey(dialogueId, emailHash),
            UpdateExpression: 'REMOVE #state, #leaseUntil, leaseOwner',
            ConditionExpression: '#state = :sending AND leaseOwner = :owner',
            ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
            ExpressionAttributeValues: { ':sending': 'sending', ':owner': owner },
          }),
        ),
      );
      // Noted after the contact is free again: a crash between leaves it pending, for the sweep from the start.
      if (released)
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailout(dialogueId),
            UpdateExpression: 'ADD givenBack :hash',
            ExpressionAttributeValues: { ':hash': new Set([emailHash]) },
          }),
        );
    },
    async takeGivenBack(dialogueId) {
      let taken: Record<string, unknown> | undefined;
      try {
        ({ Attributes: taken } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailout(dialogueId),
            UpdateExpression: 'REMOVE givenBack',
            // Without it, an update on a mailout that is not there would create one.
            ConditionExpression: 'attribute_exists(givenBack)',
            ReturnValues: 'UPDATED_OLD',
          }),
        ));
      } catch (error) {
        if (isConditionFailure(error)) return [];
        throw error;
      }
      const items = await Promise.all(
        [...((taken?.givenBack as Set<string> | undefined) ?? [])].map(async (hash) => {
          const { Item } = await client.send(
            new GetCommand({ TableName: tableName, Key: contactKey(dialogueId, hash), ConsistentRead: true }),
          );
          return Item;
        }),
      );
      // Those still there and unsent; whether one may be sent now is the claim's to decide, as for any other.
      return pendingContacts(
        items.filter((item): item is Record<string, unknown> => item !== undefined && item.state === undefined),
      );
    },
    async *pending(dialogueId, now, after) {
      const pages = contactsOf(
        dialogueId,
        {
          expression: 'attribute_not_exists(#state) OR (#state = :sending AND #leaseUntil < :now)',
          names: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
          values: { ':sending': 'sending', ':now': now.toISOString() },
        },
        after,
      );
      // Checked against the suppression list a hundred at a time, each hundred within seconds of its sends. The
      // pages stay DynamoDB's full ones: a sweep over a queue of sent contacts finds the few left in few requests.
      for await (const page of pages) {
        const items = page.Items ?? [];
        for (let from = 0; from < items.length; from += BATCH_GET_KEYS)
          yield* await pendingContacts(items.slice(from, from + BATCH_GET_KEYS));
      }
    },
    async claim(dialogueId, emailHash, owner, now, leaseUntil) {
      return conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: contactKey(dialogueId, emailHash),
            UpdateExpression: 'SET #state = :sending, #leaseUntil = :until, leaseOwner = :owner',
            // attribute_exists: an unsubscribed (deleted) contact must not come back to life.
            ConditionExpression: `attribute_exists(${attr.pk}) AND (attribute_not_exists(#state) OR (#state = :sending AND #leaseUntil < :now))`,
            ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':until': leaseUntil.toISOString(),
              ':owner': owner,
              ':now': now.toISOString(),
            },
          }),
        ),
      );
    },
    async markSent(dialogueId, emailHash, owner, sentAt, expiresAt) {
      // False when unsubscribed while the message was on its way: nothing left to mark or count.
      return conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: contactKey(dialogueId, emailHash),
            UpdateExpression: `SET #state = :sent, sentAt = :at, #ttl = :ttl REMOVE #leaseUntil, leaseOwner`,
            ConditionExpression: '#state = :sending AND leaseOwner = :owner',
            ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil', '#ttl': attr.expiresAt },
            ExpressionAttributeValues: {
              ':sent': 'sent',
              ':sending': 'sending',
              ':owner': owner,
              ':at': sentAt.toISOString(),
              ':ttl': Math.floor(expiresAt.getTime() / 1000),
            },
          }),
        ),
      );
    },
    async countSent(dialogueId, count) {
      // The counter is for the progress bar; whether the mailout is done is decided from the contacts themselves.
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.mailout(dialogueId),
          UpdateExpression: 'ADD sent :count',
          ExpressionAttributeValues: { ':count': count },
        }),
      );
    },
    async markFailed(dialogueId, emailHash, reason, expiresAt) {
      let previous: Record<string, unknown> | undefined;
      try {
        ({ Attributes: previous } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: contactKey(dialogueId, emailHash),
            UpdateExpression:
              'SET #state = :failed, failedReason = :reason, #ttl = if_not_exists(#ttl, :ttl) REMOVE #leaseUntil, leaseOwner',
            ConditionExpression: `attribute_exists(${attr.pk}) AND (attribute_not_exists(#state) OR #state <> :failed)`,
            ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil', '#ttl': attr.expiresAt },
            ExpressionAttributeValues: {
              ':failed': 'failed',
              ':reason': reason.slice(0, 200),
              ':ttl': Math.floor(expiresAt.getTime() / 1000),
            },
            ReturnValues: 'ALL_OLD',
          }),
        ));
      } catch (error) {
        if (isConditionFailure(error)) return;
        throw error;
      }
      // A bounce after SES accepted the message turns a sent one into a failed one.
      const wasSent = previous?.state === 'sent';
      // SES's bounces and complaints, apart from the other failures, for the evaluation (P14).
      const bounced = BOUNCES.has(reason) ? ', bounced :one' : '';
      await conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailout(dialogueId),
            UpdateExpression: `${wasSent ? 'ADD failed :one, sent :minus' : 'ADD failed :one'}${bounced}`,
            ConditionExpression: `attribute_exists(${attr.pk})`,
            ExpressionAttributeValues: { ':one': 1, ...(wasSent ? { ':minus': -1 } : {}) },
          }),
        ),
      );
    },
    async completeIfDone(dialogueId, now) {
      const counts = { sent: 0, failed: 0 };
      for await (const page of contactsOf(dialogueId)) {
        for (const item of page.Items ?? []) {
          if (item.state === 'sent') counts.sent += 1;
          else if (item.state === 'failed') counts.failed += 1;
          else return false;
        }
      }
      // The counts from the contacts themselves: right even if a run died between a send and its counter.
      return conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailout(dialogueId),
            UpdateExpression:
              'SET #status = :done, completedAt = :now, sent = :sent, failed = :failed, #total = :total',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status', '#total': 'total' },
            ExpressionAttributeValues: {
              ':done': 'done',
              ':sending': 'sending',
              ':now': now.toISOString(),
              ':sent': counts.sent,
              ':failed': counts.failed,
              ':total': counts.sent + counts.failed,
            },
          }),
        ),
      );
    },
    async suppress(email, reason, now) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.suppression(addressHash(email)), kind: 'suppression', reason, at: now.toISOString() },
        }),
      );
    },
    async hasContact(dialogueId, emailHash) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: contactKey(dialogueId, emailHash),
          ProjectionExpression: '#pk',
          ExpressionAttributeNames: { '#pk': attr.pk },
        }),
      );
      return Item !== undefined;
    },
    async deleteContact(dialogueId, emailHash) {
      const { Attributes } = await client.send(
        new DeleteCommand({ TableName: tableName, Key: contactKey(dialogueId, emailHash), ReturnValues: 'ALL_OLD' }),
      );
      if (!Attributes) return false;
      // Counted for the evaluation (P14) once there is a mailout; a contact still waiting for its email also leaves
      // the mailout's total, so progress still adds up.
      const waiting = Attributes.state === undefined || Attributes.state === 'sending';
      await conditionHeld(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.mailout(dialogueId),
            UpdateExpression: waiting ? 'ADD unsubscribed :one, #total :minus' : 'ADD unsubscribed :one',
            ConditionExpression: `attribute_exists(${attr.pk})`,
            ...(waiting ? { ExpressionAttributeNames: { '#total': 'total' } } : {}),
            ExpressionAttributeValues: { ':one': 1, ...(waiting ? { ':minus': -1 } : {}) },
          }),
        ),
      );
      return true;
    },
  };
}
