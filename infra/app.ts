import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { addStageStacks } from './stack';

// The CDK CLI runs this (cdk.json); the app synthesizes itself on exit, and fails on any cdk-nag finding not
// acknowledged where it is made (test/infra/nag.test.ts runs the same packs on every stage).
const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
addStageStacks(app);
