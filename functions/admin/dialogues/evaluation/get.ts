import { type EvaluationDeps, dialogueEvaluation } from '../../../../shared/evaluation/evaluate';
import { getDialogueEvaluationRoute } from '../../../../shared/routes';
import { evaluationDeps } from '../../../lib/evaluation-runtime';
import { httpRoute } from '../../../lib/http';

export const createHandler = (deps: EvaluationDeps) =>
  httpRoute(getDialogueEvaluationRoute, async ({ caller, path }) => ({
    json: await dialogueEvaluation(deps, caller, path.id),
  }));

export const handler = createHandler(evaluationDeps);
