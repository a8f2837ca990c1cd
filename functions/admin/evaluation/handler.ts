import { evaluationCsv } from '../../../shared/evaluation/csv';
import { type EvaluationDeps, evaluationOfYear } from '../../../shared/evaluation/evaluate';
import { getEvaluationRoute } from '../../../shared/routes';
import { evaluationDeps } from '../../lib/evaluation-runtime';
import { httpRoute } from '../../lib/http';

export const createHandler = (deps: EvaluationDeps) =>
  httpRoute(getEvaluationRoute, async ({ query: { year, format } }) => {
    const evaluation = await evaluationOfYear(deps, year);
    if (format === 'json') return { json: evaluation };
    return {
      text: evaluationCsv(evaluation),
      contentType: 'text/csv; charset=utf-8',
      headers: { 'content-disposition': `attachment; filename="utvardering-${year}.csv"` },
    };
  });

export const handler = createHandler(evaluationDeps);
