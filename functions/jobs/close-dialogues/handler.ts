import { closeDue } from '../../../shared/dialogue/manage';
import { jobs } from '../../../shared/routes';
import { scheduledJob } from '../../lib/job';
import { type Runtime, runtime } from '../../lib/runtime';

export const createHandler = (deps: Pick<Runtime, 'dialogues' | 'clock'>) =>
  scheduledJob(jobs.closeDialogues, () => closeDue(deps));

export const handler = createHandler(runtime);
