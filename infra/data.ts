import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { table as tableDefinition } from '../shared/table';
import { Mail } from './mail';
import { acknowledge } from './nag';
import { type DeployStage, removalPolicyFor } from './stage';

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export interface DataStackProps extends StackProps {
  readonly stage: DeployStage;
}

/**
 * Everything stateful, in a stack of its own so the stateless one can be replaced freely: the key that encrypts
 * it all, the table, the officials' user pool, the sending identity with its unsubscribe key, and the alarm topic
 * operators subscribe to once. Physical names are CloudFormation's, so two stages (or a restore) never collide.
 */
export class DataStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly userPool: cognito.UserPool;
  readonly signInDomain: cognito.UserPoolDomain;
  readonly mail: Mail;
  readonly alarms: sns.Topic;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const removalPolicy = removalPolicyFor(stage);

    this.key = new kms.Key(this, 'Key', {
      description: `Medborgardialog ${stage.name}: the table, secrets, topics, queues and logs`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // Services that write with the key on the product's behalf: CloudWatch Logs (only for this account's log
    // groups), and the publishers to the encrypted topics (SES's bounce events, CloudWatch's alarms).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: ['ses', 'cloudwatch'].map((service) => new iam.ServicePrincipal(`${service}.amazonaws.com`)),
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    // Built from shared/table.ts, the same definition the local stack uses, so the two cannot drift.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
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

    // Officials only: operators create the users and the groups (admin, committees), so no self sign-up. A
    // second factor (an authenticator app) is required, and the Plus plan's threat protection acts on Cognito's
    // default risk configuration (blocking compromised credentials, challenging risky sign-ins) rather than only logging.
    this.userPool = new cognito.UserPool(this, 'Officials', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: stage.retainData,
      removalPolicy,
    });
    // Managed login (Cognito's newer hosted pages) on a Cognito domain; the console's app client is added with it.
    this.signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: stage.signIn.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    this.mail = new Mail(this, 'Mail', { stage, key: this.key });

    this.alarms = new sns.Topic(this, 'Alarms', {
      displayName: `Medborgardialog ${stage.name} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    const operators = new sns.Subscription(this.alarms, 'Operators', {
      topic: this.alarms,
      protocol: sns.SubscriptionProtocol.EMAIL,
      endpoint: stage.alarmEmail,
    });
    acknowledge(
      operators,
      'Serverless-SNSRedrivePolicy',
      'An email to the operators’ list: an alarm whose email is lost still shows in CloudWatch and on the dashboard, and sends again when it clears.',
    );

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.signInDomain.baseUrl() });
    new CfnOutput(this, 'SenderIdentity', {
      value: this.mail.identity.emailIdentityName,
      description: 'Its DKIM and MAIL FROM records: aws sesv2 get-email-identity --email-identity <this>',
    });
  }
}
