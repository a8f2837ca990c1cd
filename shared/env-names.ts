/** Environment variables the handlers read; set by the CDK stack and by the local stack alike. */
export const envNames = {
  stage: 'STAGE',
  tableName: 'TABLE_NAME',
  responseShards: 'RESPONSE_SHARDS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** Comma-separated origins of the municipal pages that may frame the form (CSP frame-ancestors). */
  embeddingOrigins: 'EMBEDDING_ORIGINS',
  disclosureThreshold: 'DISCLOSURE_THRESHOLD',
  aggregationLagSeconds: 'AGGREGATION_LAG_SECONDS',
  mailFrom: 'MAIL_FROM',
  mailReplyTo: 'MAIL_REPLY_TO',
  mailMaxSendRate: 'MAIL_MAX_SEND_RATE',
  contactRetentionDays: 'CONTACT_RETENTION_DAYS',
  /** The stage's `reminders` as JSON: days before, and the committees' addresses. */
  reminders: 'REMINDERS',
  /** Unset: kept. */
  responsesAfterDecisionDays: 'RETENTION_RESPONSES_AFTER_DECISION_DAYS',
  undecidedContactsDays: 'RETENTION_UNDECIDED_CONTACTS_DAYS',
  /** Locally the secret itself; in AWS the ARN of the Secrets Manager secret that holds it. */
  unsubscribeSecret: 'UNSUBSCRIBE_SECRET',
  unsubscribeSecretArn: 'UNSUBSCRIBE_SECRET_ARN',
  /** Locally, after a rotation, the key before it: it still verifies links already sent (in AWS: AWSPREVIOUS). */
  unsubscribeSecretPrevious: 'UNSUBSCRIBE_SECRET_PREVIOUS',
  /** The SES configuration set whose bounce and complaint events come back to the product (AWS only). */
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /** The S3 bucket the export of every response is written to (AWS, only for the function that exports). */
  exportBucket: 'EXPORT_BUCKET',
  /** Locally instead: the folder exports are written to, and the key that signs their download links. */
  exportDir: 'EXPORT_DIR',
  exportUrlSecret: 'EXPORT_URL_SECRET',
  /** How often this scheduled job runs, in seconds (the mailout hands over to the next run at a tick). */
  scheduleSeconds: 'SCHEDULE_SECONDS',
  /** Only set locally: where DynamoDB Local listens. Unset in AWS. */
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  sesEndpoint: 'SES_ENDPOINT',
} as const;
