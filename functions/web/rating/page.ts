import { type RatingDeps, ratingLink } from '../../../shared/rating/rate';
import { badRatingLinkPage, ratedPage, ratingPage } from '../../../shared/presentation/rating-page';
import { ratingPageRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { links } from '../links';
import { ratingDeps, ratingLinks } from './deps';

/** The rating question, or that this link has rated; a GET records nothing (mail scanners follow links). */
export const createHandler = (deps: RatingDeps) =>
  httpRoute(ratingPageRoute, async ({ query: { token, lang } }) => {
    const link = await ratingLink(deps, token);
    if (link.state === 'bad' || !token) return { statusCode: 400, html: badRatingLinkPage(lang) };
    if (link.state === 'already') return { html: ratedPage(lang, true, links().results(link.dialogue.id, lang)) };
    return { html: ratingPage({ dialogueTitle: link.dialogue.title, ...ratingLinks(token, lang) }, lang) };
  });

export const handler = createHandler(ratingDeps);
