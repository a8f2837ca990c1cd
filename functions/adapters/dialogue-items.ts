import type { AuditEntry } from '../../shared/dialogue/audit';
import type { FreeTextModeration } from '../../shared/dialogue/moderation';
import type { DialogueChange } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';
import { keys } from '../../shared/keys';
import { attr } from '../../shared/table';
import { responseWriteItems } from './response-items';

const ITEM_ATTRIBUTES = [attr.pk, attr.sk, attr.gsi1pk, attr.gsi1sk, 'kind'] as const;

export function toDialogue(item: Record<string, unknown>): Dialogue {
  const dialogue = { ...item };
  for (const name of ITEM_ATTRIBUTES) delete dialogue[name];
  return dialogue as unknown as Dialogue;
}

export function toItem(dialogue: Dialogue): Record<string, unknown> {
  return {
    ...dialogue,
    ...keys.dialogue(dialogue.id),
    ...keys.dialogueListing(dialogue.createdAt, dialogue.id),
    kind: 'dialogue',
  };
}

export function toAuditEntry(item: Record<string, unknown>): AuditEntry {
  const { [attr.pk]: _pk, [attr.sk]: _sk, kind: _kind, ...entry } = item;
  return entry as unknown as AuditEntry;
}

/**
 * The items of every dialogue write, for one transaction: the dialogue, only if the stored version is still
 * the one the change replaces (or none is stored, for a new one), its audit entry, which is only ever added, and
 * what the change brings along (an entered response, a moderation).
 */
export function dialogueWriteItems(tableName: string, change: DialogueChange) {
  const versionCheck =
    change.expectedVersion === 0
      ? { ConditionExpression: `attribute_not_exists(${attr.pk})` }
      : {
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': change.expectedVersion },
        };
  const audit = change.audit;
  return [
    { Put: { TableName: tableName, Item: toItem(change.dialogue), ...versionCheck } },
    {
      Put: {
        TableName: tableName,
        Item: { ...audit, ...keys.audit(audit.dialogueId, audit.version), kind: 'audit' },
        ConditionExpression: `attribute_not_exists(${attr.pk})`,
      },
    },
    ...(change.entry ? responseWriteItems(tableName, change.entry) : []),
    ...(change.moderation ? [{ Put: { TableName: tableName, Item: moderationItem(change.moderation) } }] : []),
  ];
}

export const moderationItem = (moderation: FreeTextModeration) => ({
  ...moderation,
  ...keys.moderation(moderation.dialogueId, moderation.questionId, moderation.textId),
  kind: 'moderation',
});
