import { App } from 'aws-cdk-lib';
import { addStageStack } from './stack';

// The CDK CLI runs this (cdk.json); the app synthesizes itself on exit.
addStageStack(new App());
