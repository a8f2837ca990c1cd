import {
  type StackPorts,
  type StackProcess,
  freeStackPorts,
  startStackProcess,
  tempLocalDir,
} from '../support/stack-process';

interface LogLine {
  message?: string;
  function_name?: string;
  function_request_id?: string;
  job?: string;
}

const logLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

describe('the local stack’s logs', () => {
  let ports: StackPorts;
  let stack: StackProcess;

  beforeAll(async () => {
    ports = await freeStackPorts();
    stack = startStackProcess({ ...ports, LOCAL_DIR: tempLocalDir(), POWERTOOLS_LOG_LEVEL: 'INFO' });
    await stack.ready();
  }, 40_000);

  afterAll(() => stack.killAll());

  it('label each line with the function that wrote it, while jobs and requests run at once', async () => {
    const api = (path: string, init?: RequestInit) => fetch(`http://localhost:${ports.PORT}${path}`, init);
    const jobs = ['close-dialogues', 'aggregate', 'mailout'];
    // As a scheduler tick does: every job starts at once, and citizens' requests keep arriving meanwhile.
    const runs = await Promise.all([
      ...jobs.map((job) => api(`/local/jobs/${job}`, { method: 'POST' })),
      ...Array.from({ length: 5 }, () => api('/dialogues/demo')),
    ]);
    expect(runs.map((r) => r.status)).toEqual(runs.map(() => 200));

    const finished = logLines(stack.output()).filter((line) => line.message === 'job finished');
    expect(finished.map((line) => [line.job, line.function_name]).sort()).toEqual(
      jobs.map((job) => [job, `job-${job}`]).sort(),
    );
    expect(new Set(finished.map((line) => line.function_request_id)).size).toBe(jobs.length);
  });
});
