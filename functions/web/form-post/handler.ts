import { publicDefinition } from '../../../shared/dialogue/public-view';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import { formPostRoute } from '../../../shared/routes';
import { applyMove, fieldNames, responseBodyFromForm } from '../../../shared/presentation/form-body';
import { noForm } from '../../../shared/presentation/no-form';
import { formPage, messagePage, receiptPage } from '../../../shared/presentation/pages';
import { httpRoute } from '../../lib/http';
import { type Runtime, runtime } from '../../lib/runtime';
import { type SubmitRuntime, submitCitizenResponse } from '../../lib/submit';
import { formLinks } from '../links';

type Deps = Pick<Runtime, 'dialogues'> & SubmitRuntime;

/** The form posted without JavaScript: a ranking move re-renders it, a submit answers with the receipt or the errors. */
export const createHandler = (deps: Deps) =>
  httpRoute(formPostRoute, async ({ path, body: posted }) => {
    const lang = posted.get(fieldNames.language) === 'en' ? 'en' : 'sv';
    const dialogue = await deps.dialogues.get(path.id);
    // No form to post to: said as the form's page says it, but a post that stored nothing is never a 2xx.
    const noFormHere = () => {
      const why = noForm(dialogue, deps.clock.now(), lang, formLinks(path.id, lang).resultsHref);
      return {
        statusCode: why.reason === 'not-found' ? (404 as const) : (409 as const),
        html: messagePage(lang, why),
        embeddable: true,
      };
    };
    if (!dialogue || dialogue.status === 'draft') return noFormHere();
    const definition = publicDefinition(dialogue, deps.municipality);
    const links = formLinks(dialogue.id, lang);
    const move = posted.get(fieldNames.move);
    const fields = move ? applyMove(posted, move) : posted;
    const again = (statusCode: 200 | 400, issues: ValidationError['issues'] = []) => ({
      statusCode,
      embeddable: true,
      html: formPage(
        definition,
        { lang, fields, issues, submissionId: fields.get(fieldNames.submissionId) || deps.ids.newId() },
        links,
      ),
    });
    if (move) return again(200);

    try {
      // Checked whole by the domain, as the JSON route is: one 400 lists every problem, of shape and answers alike.
      const body = responseBodyFromForm(definition, fields);
      const receipt = await submitCitizenResponse(deps, dialogue.id, body);
      return {
        statusCode: 201 as const,
        embeddable: true,
        html: receiptPage(definition, lang, receipt.willReceiveFeedback, links.resultsHref),
      };
    } catch (error) {
      if (error instanceof ValidationError) return again(400, error.issues);
      if (error instanceof ConflictError || error instanceof NotFoundError) return noFormHere();
      throw error;
    }
  });

export const handler = createHandler(runtime);
