import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { eventHandlers, jobList } from '../shared/routes';
import { ServiceFunction } from './function';
import type { Mail } from './mail';
import type { DeployStage } from './stage';

export interface SchedulesProps {
  readonly stage: DeployStage;
  readonly table: dynamodb.ITable;
  readonly mail: Mail;
}

/** One function and one EventBridge rule per job in the manifest (locally the scheduler runs the same handlers), and the SES feedback handler. */
export class Schedules extends Construct {
  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const job of jobList) {
      const fn = new ServiceFunction(this, job.name, {
        stage: props.stage,
        handler: job.handler,
        kind: 'job',
        table: props.table,
      });
      props.mail.bind(fn, job.needs);
      new events.Rule(this, `${job.name}Schedule`, {
        schedule: events.Schedule.rate(Duration.minutes(job.rateMinutes(props.stage))),
        targets: [new targets.LambdaFunction(fn)],
      });
    }
    const sesFeedback = new ServiceFunction(this, eventHandlers.sesFeedback.name, {
      stage: props.stage,
      handler: eventHandlers.sesFeedback.handler,
      kind: 'job',
      table: props.table,
    });
    props.mail.subscribe(sesFeedback);
  }
}
