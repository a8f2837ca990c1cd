import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type MetricName, metricDimensions, metricNames, metricNamespace } from '../shared/metrics';
import type { DeployStage } from './stage';

export interface MonitoringProps {
  readonly stage: DeployStage;
  readonly api: HttpApi;
  readonly functions: readonly { readonly name: string; readonly fn: lambda.IFunction }[];
  readonly deadLetterQueues: readonly { readonly name: string; readonly queue: sqs.IQueue }[];
  readonly alarmTopic: sns.ITopic;
}

/**
 * What operators are told of (docs/operations.md says what to do about each): a function failing, the API answering
 * 5xx, Lambda throttling, anything in a dead-letter queue, results not aggregated or behind, feedback email failing or
 * overdue; and one dashboard of the same.
 */
export class Monitoring extends Construct {
  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { stage, api, alarmTopic } = props;
    const notify = new actions.SnsAction(alarmTopic);
    const alarm = (name: string, options: cloudwatch.CreateAlarmOptions & { metric: cloudwatch.Metric }) => {
      const created = options.metric.createAlarm(this, name, options);
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      return created;
    };
    const product = (metricName: MetricName, statistic: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: metricNamespace,
        metricName,
        dimensionsMap: metricDimensions(stage.name),
        statistic,
        period,
      });
    const fiveMinutes = Duration.minutes(5);
    const atLeastOne = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };

    for (const { name, fn } of props.functions)
      alarm(`${name}Errors`, {
        metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        alarmDescription: `The ${name} function failed (an unhandled error or a timeout) in the last five minutes.`,
        ...atLeastOne,
      });
    alarm('LambdaThrottles', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Throttles',
        statistic: 'Sum',
        period: fiveMinutes,
      }),
      alarmDescription: 'Lambda refused invocations for lack of concurrency in this account and region.',
      ...atLeastOne,
    });
    for (const { name, queue } of props.deadLetterQueues)
      alarm(`${name}DeadLetters`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        alarmDescription: `An event for ${name} failed for good and waits in its dead-letter queue (see the operators’ guide for the replay).`,
        ...atLeastOne,
      });

    // Missing data is the alarm here: no completed run in three intervals means results have stopped.
    const aggregateWindow = Duration.minutes(3 * stage.everyMinutes.aggregate);
    alarm('AggregationStopped', {
      metric: product(metricNames.aggregationRuns, 'Sum', aggregateWindow),
      alarmDescription: 'No aggregation run completed in three intervals: public results are not being updated.',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    // A run that completes but leaves a dialogue unfolded (its failures are logged) shows as a growing lag.
    alarm('AggregationBehind', {
      metric: product(metricNames.aggregationLagSeconds, 'Maximum', aggregateWindow),
      alarmDescription:
        'An open dialogue’s results lag more than three intervals behind: the aggregate job’s log says which failed and why.',
      threshold: 3 * stage.everyMinutes.aggregate * 60 + stage.aggregationLagSeconds,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('MailoutFailures', {
      metric: product(metricNames.emailsFailed, 'Sum', fiveMinutes),
      alarmDescription: 'Feedback emails failed for good (SES refused them); the mailout page lists how many.',
      ...atLeastOne,
    });
    alarm('FeedbackOverdue', {
      metric: product(metricNames.feedbackOverdue, 'Maximum', Duration.minutes(stage.everyMinutes.feedbackReminders)),
      alarmDescription:
        'A dialogue’s promised feedback date has passed without the feedback sent (the lead committee was reminded).',
      ...atLeastOne,
      // Hourly data: a period that happens to miss the run keeps the state rather than sending OK and ALARM again.
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });

    const apiMetric = (metricName: string, statistic = 'Sum') =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: api.apiId },
        statistic,
        period: fiveMinutes,
      });
    // A handler answers every unexpected error with a 500 (it never throws to Lambda), so the API's count shows them.
    alarm('ApiServerErrors', {
      metric: apiMetric('5xx'),
      alarmDescription:
        'The API answered 5xx: a handler failed (its log has the error and the correlation id) or Lambda did.',
      ...atLeastOne,
    });
    const graph = (title: string, metrics: cloudwatch.IMetric[]) =>
      new cloudwatch.GraphWidget({ title, left: metrics, width: 8 });
    new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [
          graph('API requests and errors', [apiMetric('Count'), apiMetric('4xx'), apiMetric('5xx')]),
          graph('API latency (p99, ms)', [apiMetric('Latency', 'p99')]),
          graph('Responses submitted', [product(metricNames.responsesSubmitted, 'Sum', fiveMinutes)]),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Aggregation: lag (s, left) and completed runs (right)',
            left: [product(metricNames.aggregationLagSeconds, 'Maximum', fiveMinutes)],
            right: [product(metricNames.aggregationRuns, 'Sum', fiveMinutes)],
            width: 8,
          }),
          graph('Feedback email', [
            product(metricNames.emailsSent, 'Sum', fiveMinutes),
            product(metricNames.emailsFailed, 'Sum', fiveMinutes),
            product(metricNames.emailsPending, 'Maximum', fiveMinutes),
          ]),
          graph('Feedback overdue (dialogues)', [product(metricNames.feedbackOverdue, 'Maximum', Duration.hours(1))]),
        ],
        [
          graph(
            'Function errors',
            props.functions.map(({ fn }) => fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' })),
          ),
          graph(
            'Dead-letter queues',
            props.deadLetterQueues.map(({ queue }) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
            ),
          ),
        ],
      ],
    });
  }
}
