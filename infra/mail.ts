import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { envNames } from '../shared/env-names';
import type { Need } from '../shared/routes';
import { acknowledge } from './nag';
import { type DeployStage, removalPolicyFor } from './stage';

/** The sender's domain, from `Name <user@domain>` or `user@domain`. */
export const senderDomain = (from: string): string => /@([^>\s]+)>?$/.exec(from)?.[1] ?? from;

/** The custom MAIL FROM (envelope sender) subdomain, so SPF aligns with the sender's domain for DMARC. */
export const mailFromDomain = (from: string): string => `mail.${senderDomain(from)}`;

export interface MailProps {
  readonly stage: DeployStage;
  readonly key: kms.IKey;
}

/**
 * Feedback email: the sending identity (the domain with Easy DKIM and its own MAIL FROM, verified by DNS records the
 * deploy outputs), a configuration set whose bounce and complaint events reach the product through an encrypted SNS
 * topic, and the secret that signs unsubscribe links (rotated by operators: docs/rotating-unsubscribe-key.md).
 */
export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedbackTopic: sns.Topic;
  readonly unsubscribeSecret: secretsmanager.Secret;
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, { stage, key }: MailProps) {
    super(scope, id);
    this.key = key;
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      identity: ses.Identity.domain(senderDomain(stage.mail.from)),
      dkimSigning: true,
      mailFromDomain: mailFromDomain(stage.mail.from),
      // Until the MAIL FROM's MX record is published, SES uses its own domain rather than refusing to send.
      mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    // TLS when the receiving server offers it (SES's default), not required: feedback must reach everyone who asked.
    this.configurationSet = new ses.ConfigurationSet(this, 'Feedback', { reputationMetrics: true });
    this.feedbackTopic = new sns.Topic(this, 'BouncesAndComplaints', { masterKey: key, enforceSSL: true });
    this.configurationSet.addEventDestination('ToProduct', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.unsubscribeSecret = new secretsmanager.Secret(this, 'UnsubscribeKey', {
      description: 'Signs the unsubscribe and rating links in feedback emails',
      encryptionKey: key,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: removalPolicyFor(stage),
    });
    acknowledge(
      this.unsubscribeSecret,
      'AwsSolutions-SMG4',
      'Rotated by operators (docs/rotating-unsubscribe-key.md), not on a schedule: links verify with the current and the previous key only, so a scheduled rotation would break links in emails still in inboxes.',
    );
  }

  /** Gives a function what its manifest entry says it needs, and nothing more. */
  bind(fn: lambda.Function, needs: readonly Need[] = []): void {
    if (needs.includes('email')) {
      // SendRawEmail only (the mailer builds the MIME), on this identity and this configuration set alone.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendRawEmail'],
          resources: [
            this.identity.emailIdentityArn,
            `arn:${fn.stack.partition}:ses:${fn.stack.region}:${fn.stack.account}:configuration-set/${this.configurationSet.configurationSetName}`,
          ],
        }),
      );
      fn.addEnvironment(envNames.sesConfigurationSet, this.configurationSet.configurationSetName);
    }
    if (needs.includes('unsubscribeSecret')) {
      // By statements on the function's role, not grantRead: that would name the role in the key's policy, and the
      // data stack would then depend on the service stack that depends on it.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          // Both version stages: the previous key still verifies links sent before a rotation.
          actions: ['secretsmanager:GetSecretValue'],
          resources: [this.unsubscribeSecret.secretArn],
        }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [this.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${fn.stack.region}.amazonaws.com` } },
        }),
      );
      fn.addEnvironment(envNames.unsubscribeSecretArn, this.unsubscribeSecret.secretArn);
    }
  }

  /**
   * Bounce and complaint notifications go to the handler that suppresses the address; one it could not handle
   * (after SNS's retries) waits in the dead-letter queue instead of being lost, so the address is not mailed again
   * unnoticed.
   */
  subscribe(handler: lambda.Function, deadLetterQueue: sqs.IQueue): void {
    this.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(handler, { deadLetterQueue }));
  }
}
