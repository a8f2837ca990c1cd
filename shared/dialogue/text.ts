import * as z from 'zod/mini';
import { named } from '../messages/input';
import { normaliseText } from '../normalise';

/** A normalised, non-empty string of at most `max` characters. */
export const plainText = (max: number) =>
  z.pipe(z.pipe(z.string(), z.transform(normaliseText)), z.string().check(z.minLength(1), z.maxLength(max)));

/** Swedish required, English optional (Swedish first, English second). */
export const localized = (max: number) => z.strictObject({ sv: plainText(max), en: z.optional(plainText(max)) });
export type Localized = z.infer<ReturnType<typeof localized>>;

const RESERVED_IDS = new Set(['constructor', 'prototype']);
/** An id in URLs and keys; its failures are told in the catalogue's words (shared/messages/input.ts). */
export const slugId = z.string().check(
  named(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/), 'slug'),
  named(
    z.refine((id: string) => !RESERVED_IDS.has(id)),
    'reservedWord',
  ),
);
// Marked pure (esbuild cannot see through zod/mini's re-exports that they are), so bundles that never use them leave them out.
export const isoDate = /* @__PURE__ */ z.iso.date();
export const isoDateTime = /* @__PURE__ */ z.iso.datetime({ offset: true });
