import { type DialogueChange, changeStatus, createDialogue, importDialogue } from '../../shared/dialogue/lifecycle';
import type { Dialogue } from '../../shared/dialogue/schema';

/** A dialogue a test stores as it is (a fixture), through the store's one write path, with its audit entry. */
export const saved = (dialogue: Dialogue): DialogueChange => importDialogue(dialogue, 'test', new Date());

/** A replacement made by hand (a racing edit), conditional on the version it replaces, as a real change is. */
export const replacing = (dialogue: Dialogue, expectedVersion: number): DialogueChange => ({
  ...saved(dialogue),
  expectedVersion,
});

/** The dialogues the life-cycle functions make, for fixtures that only need the result. */
export const drafted = (...args: Parameters<typeof createDialogue>): Dialogue => createDialogue(...args).dialogue;
export const moved = (...args: Parameters<typeof changeStatus>): Dialogue => changeStatus(...args).dialogue;
