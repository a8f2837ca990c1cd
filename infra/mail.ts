import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { envNames } from '../shared/env-names';
import type { Need } from '../shared/routes';
import { type DeployStage, removalPolicyFor } from './stage';

/** The sender's domain, from `Name <user@domain>` or `user@domain`. */
export const senderDomain = (from: string): string => /@([^>\s]+)>?$/.exec(from)?.[1] ?? from;

/**
 * Feedback email: the sending identity (the domain is verified by DNS records the deploy outputs), a configuration
 * set whose bounce and complaint events reach the product through SNS, and the secret that signs unsubscribe links.
 */
export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedbackTopic: sns.Topic;
  readonly unsubscribeSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, stage: DeployStage) {
    super(scope, id);
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      identity: ses.Identity.domain(senderDomain(stage.mail.from)),
    });
    this.configurationSet = new ses.ConfigurationSet(this, 'Feedback', { reputationMetrics: true });
    this.feedbackTopic = new sns.Topic(this, 'BouncesAndComplaints');
    this.configurationSet.addEventDestination('ToProduct', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.unsubscribeSecret = new secretsmanager.Secret(this, 'UnsubscribeKey', {
      description: 'Signs the unsubscribe links in feedback emails',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: removalPolicyFor(stage),
    });
  }

  /** Gives a function what its manifest entry says it needs, and nothing more. */
  bind(fn: lambda.Function, needs: readonly Need[] = []): void {
    if (needs.includes('email')) {
      this.identity.grantSendEmail(fn);
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendRawEmail', 'ses:SendEmail'],
          resources: [
            `arn:${fn.stack.partition}:ses:${fn.stack.region}:${fn.stack.account}:configuration-set/${this.configurationSet.configurationSetName}`,
          ],
        }),
      );
      fn.addEnvironment(envNames.sesConfigurationSet, this.configurationSet.configurationSetName);
    }
    if (needs.includes('unsubscribeSecret')) {
      this.unsubscribeSecret.grantRead(fn);
      fn.addEnvironment(envNames.unsubscribeSecretArn, this.unsubscribeSecret.secretArn);
    }
  }

  /** Bounce and complaint notifications go to the handler that suppresses the address. */
  subscribe(handler: lambda.Function): void {
    this.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(handler));
  }
}
