import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { MetricUnit as Unit } from '@aws-lambda-powertools/metrics/types';
import { type MetricName, metricDimensions, metricNames, metricNamespace } from '../../shared/metrics';
import { env } from './env';

/**
 * One Metrics instance for the whole service, beside the one logger: the metrics of shared/metrics.ts as CloudWatch
 * embedded metric format (EMF) lines on stdout, with exactly the dimensions service and stage, as the alarms read
 * them (no cold-start metric is captured, so Powertools adds no function_name). POWERTOOLS_METRICS_DISABLED=true,
 * read when this is created, turns it off: the local stack and jest set it.
 *
 * AggregationLagSeconds says what the results are known to hold: now minus the cutoff the run read each open
 * dialogue up to (its start minus the safety lag), the most of any open dialogue, 0 with none open. Not the
 * watermark, the last response's arrival (a quiet dialogue is not a late one), nor the aggregate's updatedAt, which
 * a run that finds nothing new leaves as it was. A dialogue whose run failed counts from its last commit's cutoff
 * (its opening, with none): too far back if runs since found nothing new, never too recent.
 *
 * A value is published only when it is known: AggregationRuns, the lag and FeedbackOverdue by a run that went through
 * every dialogue, EmailsPending by a mailout run that ended; EmailsSent and EmailsFailed also by one that threw half-way.
 */
const metrics = new Metrics({ namespace: metricNamespace, defaultDimensions: metricDimensions(env().stage) });

const units: Record<MetricName, Unit> = {
  [metricNames.responsesSubmitted]: MetricUnit.Count,
  [metricNames.aggregationRuns]: MetricUnit.Count,
  [metricNames.aggregationLagSeconds]: MetricUnit.Seconds,
  [metricNames.emailsSent]: MetricUnit.Count,
  [metricNames.emailsFailed]: MetricUnit.Count,
  [metricNames.emailsPending]: MetricUnit.Count,
  [metricNames.feedbackOverdue]: MetricUnit.Count,
};

/**
 * Publishes these values as one EMF line, right away: what one invocation counted is never left in the buffer for a
 * later one, nor lost to an error thrown after it. An undefined value is not known, and left out.
 */
export function publishMetrics(values: Partial<Record<MetricName, number>>): void {
  for (const [name, value] of Object.entries(values) as Array<[MetricName, number | undefined]>)
    if (value !== undefined) metrics.addMetric(name, units[name], value);
  metrics.publishStoredMetrics();
}
