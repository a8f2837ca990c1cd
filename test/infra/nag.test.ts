import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { addStageStacks } from '../../infra/stack';
import { stageNames } from '../../shared/stages';

const deployed = stageNames.filter((name) => name !== 'local');

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
}

const acknowledgementsOf = (construct: IConstruct): Acknowledgement[] =>
  construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ id, reason })));

describe.each(deployed)('cdk-nag on the %s stage, as `cdk synth` runs it', (stage) => {
  let app: App;
  beforeAll(() => {
    app = new App({ context: { stage, 'aws:cdk:bundling-stacks': [] } });
    addStageStacks(app);
  });

  test.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ])('%s finds nothing that is not acknowledged where it is made', (_, pack) => {
    const report = pack().validateScope(app);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('each acknowledgement names one rule on one resource, with a reason, and none covers a whole stack', () => {
    const all = app.node.findAll();
    const acknowledged = all.flatMap((construct) => acknowledgementsOf(construct).map((ack) => ({ construct, ack })));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { construct, ack } of acknowledged) {
      expect([ack.id, Stack.isStack(construct) || construct === app]).toEqual([ack.id, false]);
      expect(ack.id).toMatch(/^(Annotation::)?(AwsSolutions|Serverless)-[A-Za-z0-9]+(\[.+\])?$/);
      expect([ack.id, ack.reason.length > 40]).toEqual([ack.id, true]);
    }
  });
});
