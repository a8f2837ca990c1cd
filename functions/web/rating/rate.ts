import { ValidationError } from '../../../shared/errors';
import { responseBodyFromForm } from '../../../shared/presentation/form-body';
import { badRatingLinkPage, ratedPage, ratingPage } from '../../../shared/presentation/rating-page';
import { type RatingDeps, rate, ratingLink } from '../../../shared/rating/rate';
import { ratingSurvey } from '../../../shared/rating/survey';
import { rateRoute } from '../../../shared/routes';
import { httpRoute } from '../../lib/http';
import { links } from '../links';
import { ratingDeps, ratingLinks } from './deps';

/** Records the rating once per link: 201 and thanks, the question again with its problems, or 409 for a used link. */
export const createHandler = (deps: RatingDeps) =>
  httpRoute(rateRoute, async ({ query: { token, lang }, body: fields }) => {
    const link = await ratingLink(deps, token);
    if (link.state === 'bad' || !token) return { statusCode: 400, html: badRatingLinkPage(lang) };
    const results = links().results(link.dialogue.id, lang);
    if (link.state === 'already') return { statusCode: 409, html: ratedPage(lang, true, results) };
    try {
      const recorded = await rate(deps, link, responseBodyFromForm(ratingSurvey, fields).answers);
      return recorded === 'recorded'
        ? { statusCode: 201, html: ratedPage(lang, false, results) }
        : { statusCode: 409, html: ratedPage(lang, true, results) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const page = { dialogueTitle: link.dialogue.title, ...ratingLinks(token, lang), fields, issues: error.issues };
      return { statusCode: 400, html: ratingPage(page, lang) };
    }
  });

export const handler = createHandler(ratingDeps);
