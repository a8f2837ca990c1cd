import { exportResponses } from '../../../../shared/export/export';
import { exportResponsesRoute } from '../../../../shared/routes';
import { type ExportRuntime, exportRuntime } from '../../../lib/export-runtime';
import { httpRoute } from '../../../lib/http';
import { logger } from '../../../lib/logger';
import { type Runtime, runtime } from '../../../lib/runtime';

export const createHandler = ({
  responseReader,
  ...deps
}: Pick<Runtime, 'dialogues' | 'responseReader' | 'municipality' | 'clock'> & ExportRuntime) =>
  httpRoute(exportResponsesRoute, async ({ caller, path, body }) => {
    const exported = await exportResponses({ ...deps, responses: responseReader }, caller, path.id, body.format);
    // Counts only: never an answer, and the link is a credential until it expires.
    logger.info('export stored', { dialogueId: path.id, format: exported.format, responses: exported.responseCount });
    return { json: exported };
  });

export const handler = createHandler({ ...runtime, ...exportRuntime });
