import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { envNames } from '../shared/env-names';
import { type JobDefinition, eventHandlers, jobList } from '../shared/routes';
import { deadLetterQueue } from './dead-letters';
import { ServiceFunction } from './function';
import type { Mail } from './mail';
import type { DeployStage } from './stage';

export interface SchedulesProps {
  readonly stage: DeployStage;
  readonly table: dynamodb.ITable;
  readonly key: kms.IKey;
  readonly mail: Mail;
}

/** A scheduled job in AWS: its function, and where its failed invocations wait. */
export interface ScheduledJob {
  readonly job: JobDefinition;
  readonly fn: ServiceFunction;
  readonly deadLetters: sqs.Queue;
}

/**
 * One function and one EventBridge rule per job in the manifest (locally the scheduler runs the same handlers), and
 * the SES feedback handler. Every path is asynchronous, so every one ends in a dead-letter queue: an invocation
 * EventBridge could not deliver, one that failed after Lambda's two retries, a bounce SNS could not deliver.
 */
export class Schedules extends Construct {
  readonly jobs: ScheduledJob[] = [];
  readonly sesFeedback: ServiceFunction;
  readonly sesFeedbackDeadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const { stage, table, key, mail } = props;
    for (const job of jobList) {
      const deadLetters = deadLetterQueue(this, `${job.name}DeadLetters`);
      const fn = new ServiceFunction(this, job.name, {
        stage,
        handler: job.handler,
        kind: 'job',
        table,
        tableAccess: job.table,
        settings: job.settings,
        key,
        deadLetterQueue: deadLetters,
      });
      mail.bind(fn, job.needs);
      fn.addEnvironment(envNames.scheduleSeconds, String(job.rateMinutes(stage) * 60));
      new events.Rule(this, `${job.name}Schedule`, {
        schedule: events.Schedule.rate(Duration.minutes(job.rateMinutes(stage))),
        // A run missed is made up by the next one, so an old invocation is not worth delivering late.
        targets: [new targets.LambdaFunction(fn, { deadLetterQueue: deadLetters, maxEventAge: Duration.hours(1) })],
      });
      this.jobs.push({ job, fn, deadLetters });
    }

    const { sesFeedback } = eventHandlers;
    this.sesFeedbackDeadLetters = deadLetterQueue(this, `${sesFeedback.name}DeadLetters`);
    this.sesFeedback = new ServiceFunction(this, sesFeedback.name, {
      stage,
      handler: sesFeedback.handler,
      kind: 'job',
      table,
      tableAccess: sesFeedback.table,
      settings: sesFeedback.settings,
      key,
      deadLetterQueue: this.sesFeedbackDeadLetters,
    });
    mail.subscribe(this.sesFeedback, this.sesFeedbackDeadLetters);
  }
}
