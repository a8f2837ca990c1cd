/**
 * The product's own CloudWatch metrics (embedded metric format, through Powertools Metrics): the handlers emit them
 * and the stack's alarms and dashboard read them, both by these names. No dialogue or person is ever a dimension:
 * only the service and the stage, so a metric counts, it never identifies.
 */
export const metricNamespace = 'Medborgardialog';

export const metricNames = {
  /**
   * Count: responses that came in (the embedded form, the no-script form, paper entered by officials), counted as the
   * aggregate job folds them into the results, once each whatever retries stored them; a bot's is never folded.
   */
  responsesSubmitted: 'ResponsesSubmitted',
  /** Count: one per completed aggregation run; missing for three intervals means results are not being updated. */
  aggregationRuns: 'AggregationRuns',
  /** Seconds: after a run, how far the oldest open dialogue's results lag behind now. */
  aggregationLagSeconds: 'AggregationLagSeconds',
  /** Count: feedback emails SES accepted in a mailout run. */
  emailsSent: 'EmailsSent',
  /** Count: feedback emails that failed for good in a mailout run (the address is not retried). */
  emailsFailed: 'EmailsFailed',
  /** Count: feedback emails still waiting after a mailout run. */
  emailsPending: 'EmailsPending',
  /** Count: decided-or-not dialogues whose promised feedback date has passed without the feedback sent. */
  feedbackOverdue: 'FeedbackOverdue',
} as const;

export type MetricName = (typeof metricNames)[keyof typeof metricNames];

/** The only dimensions: which service, which stage (several stages may share an account). */
export const metricDimensions = (stage: string): Record<'service' | 'stage', string> => ({
  service: 'medborgardialog',
  stage,
});
