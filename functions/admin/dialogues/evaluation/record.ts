import { type EvaluationDeps, recordEvaluation } from '../../../../shared/evaluation/evaluate';
import { recordEvaluationRoute } from '../../../../shared/routes';
import { evaluationDeps } from '../../../lib/evaluation-runtime';
import { httpRoute } from '../../../lib/http';

export const createHandler = (deps: EvaluationDeps) =>
  httpRoute(recordEvaluationRoute, async ({ caller, path, body }) => ({
    json: await recordEvaluation(deps, caller, path.id, body),
  }));

export const handler = createHandler(evaluationDeps);
