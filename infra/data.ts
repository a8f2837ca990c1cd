import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { table as tableDefinition, tableName } from '../shared/table';
import { type DeployStage, removalPolicyFor } from './stage';

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/** Everything stateful, kept apart so its retain policy is decided in one place. */
export class Data extends Construct {
  readonly table: dynamodb.Table;
  readonly userPool: cognito.UserPool;
  readonly signInDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, stage: DeployStage) {
    super(scope, id);
    const removalPolicy = removalPolicyFor(stage);

    // Built from shared/table.ts, the same definition the local stack uses, so the two cannot drift.
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: tableName(stage.name),
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.retainData,
      removalPolicy,
    });
    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // Officials only: operators create the users and the groups (admin, committees), so no self sign-up.
    this.userPool = new cognito.UserPool(this, 'Officials', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: stage.retainData,
      removalPolicy,
    });
    // Managed login (Cognito's newer hosted pages) on a Cognito domain; the console's app client is added with it.
    this.signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: stage.signIn.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }
}
