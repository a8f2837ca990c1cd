import { envNames } from '../../shared/env-names';

/**
 * Import first (before any handler) in tests that read the metrics: the jest environment turns them off
 * (test/support/env.ts), and the service's Metrics instance reads the switch once, when it is created.
 */
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

/**
 * Call at the top of the file (its hooks then span every test in it): the EMF lines the handlers write to stdout are
 * kept from it, and `take()` answers those written since it was last called. Any other write goes through.
 */
export function publishedMetrics(): { take(): unknown[] } {
  let lines: unknown[] = [];
  let spy: jest.SpyInstance | undefined;
  beforeAll(() => {
    const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((...args: unknown[]) => {
      const [chunk] = args;
      if (typeof chunk !== 'string' || !chunk.startsWith('{"_aws"')) return write(...args);
      lines.push(JSON.parse(chunk));
      return true;
    });
  });
  afterAll(() => spy?.mockRestore());
  return {
    take() {
      const taken = lines;
      lines = [];
      return taken;
    },
  };
}

/**
 * One EMF line as the alarms read it: the Medborgardialog namespace, exactly the service and stage dimensions, and
 * these metrics in this order.
 */
export const emfLine = (metrics: Record<string, { unit: 'Count' | 'Seconds'; value: unknown }>) => ({
  _aws: {
    Timestamp: expect.any(Number),
    CloudWatchMetrics: [
      {
        Namespace: 'Medborgardialog',
        Dimensions: [['service', 'stage']],
        Metrics: Object.entries(metrics).map(([Name, { unit }]) => ({ Name, Unit: unit })),
      },
    ],
  },
  service: 'medborgardialog',
  stage: process.env[envNames.stage],
  ...Object.fromEntries(Object.entries(metrics).map(([name, { value }]) => [name, value])),
});
