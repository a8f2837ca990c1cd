import { z } from 'zod';
import { slugId } from '../../shared/dialogue/text';

/** `{id}` in a dialogue route. */
export const dialogueIdPath = z.object({ id: slugId });
