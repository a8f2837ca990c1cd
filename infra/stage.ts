import { RemovalPolicy } from 'aws-cdk-lib';
import type { getStageConfig } from '../shared/stages';

/** A validated stage, as `getStageConfig` returns it. */
export type DeployStage = ReturnType<typeof getStageConfig>;

/** Data and logs outlive `cdk destroy` where the stage says so (production); elsewhere a teardown is clean. */
export const removalPolicyFor = (stage: DeployStage): RemovalPolicy =>
  stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
