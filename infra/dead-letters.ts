import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * Where an asynchronous event that failed for good waits (a scheduled job's invocation, a bounce notification):
 * fourteen days, SQS's longest, for operators to see it (an alarm fires on the first) and replay it
 * (docs/operations.md). Encrypted by SQS's own key, which EventBridge, SNS and Lambda can all write to without a
 * key grant each.
 */
export function deadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'])
    acknowledge(
      queue,
      rule,
      'This queue is itself the dead-letter queue (of EventBridge, Lambda or SNS, which cdk-nag does not recognise as such).',
    );
  return queue;
}
