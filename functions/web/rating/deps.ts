import type { RatingDeps } from '../../../shared/rating/rate';
import { dynamoRatingStore } from '../../adapters/rating-store';
import { unsubscribeKeys } from '../../adapters/secret';
import { env } from '../../lib/env';
import { client, runtime } from '../../lib/runtime';
import { links } from '../links';
import type { Language } from '../../../shared/messages/language';
import { otherLanguage } from '../../../shared/messages/language';

/** The rating pages' adapters, once per cold start; the links are signed with the unsubscribe links' keys. */
export const ratingDeps: RatingDeps = {
  dialogues: runtime.dialogues,
  ratings: dynamoRatingStore(client, env().tableName),
  municipality: runtime.municipality,
  keys: unsubscribeKeys,
};

/** Where a rating page posts and switches language: the link itself, as sent. */
export const ratingLinks = (token: string, lang: Language) => ({
  action: links().rating(token, lang),
  switchLanguageHref: links().rating(token, otherLanguage(lang)),
});
