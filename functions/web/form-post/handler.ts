import { publicDefinition } from '../../../shared/dialogue/public-view';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors';
import { catalogues } from '../../../shared/messages/catalogue';
import { responseBodySchema } from '../../../shared/responses/schema';
import { submitResponse } from '../../../shared/responses/submit';
import { formPostRoute } from '../../../shared/routes';
import { applyMove, fieldNames, responseBodyFromForm } from '../../../shared/presentation/form-body';
import { formPage, messagePage, receiptPage } from '../../../shared/presentation/pages';
import { httpRoute } from '../../lib/http';
import { zodIssues } from '../../lib/parse';
import { type Runtime, runtime } from '../../lib/runtime';
import { formLinks } from '../links';

type Deps = Pick<Runtime, 'dialogues' | 'cachedDialogues' | 'responses' | 'municipality' | 'clock' | 'ids'>;

/** The form posted without JavaScript: a ranking move re-renders it, a submit answers with the receipt or the errors. */
export const createHandler = ({ cachedDialogues, ...deps }: Deps) =>
  httpRoute(formPostRoute, async ({ path, body: posted }) => {
    const lang = posted.get(fieldNames.language) === 'en' ? 'en' : 'sv';
    const t = catalogues[lang].form;
    const unavailable = (statusCode: number) => ({
      statusCode,
      html: messagePage(lang, t.unavailable, statusCode === 409 ? t.notOpen : t.unavailable),
      embeddable: true,
    });
    const dialogue = await deps.dialogues.get(path.id);
    if (!dialogue || dialogue.status === 'draft') return unavailable(404);
    const definition = publicDefinition(dialogue, deps.municipality);
    const links = formLinks(dialogue.id, lang);
    const move = posted.get(fieldNames.move);
    const fields = move ? applyMove(posted, move) : posted;
    const again = (statusCode: number, issues: ValidationError['issues'] = []) => ({
      statusCode,
      embeddable: true,
      html: formPage(
        definition,
        { lang, fields, issues, submissionId: fields.get(fieldNames.submissionId) || deps.ids.newId() },
        links,
      ),
    });
    if (move) return again(200);

    const body = responseBodyFromForm(definition, fields);
    const parsed = responseBodySchema.safeParse(body);
    if (!parsed.success) return again(400, zodIssues(responseBodySchema, body, 'body', definition));
    try {
      const receipt = await submitResponse({ ...deps, dialogues: cachedDialogues }, dialogue.id, parsed.data);
      return {
        statusCode: 201,
        embeddable: true,
        html: receiptPage(definition, lang, receipt.willReceiveFeedback, links.resultsHref),
      };
    } catch (error) {
      if (error instanceof ValidationError) return again(400, error.issues);
      if (error instanceof ConflictError) return unavailable(409);
      if (error instanceof NotFoundError) return unavailable(404);
      throw error;
    }
  });

export const handler = createHandler(runtime);
