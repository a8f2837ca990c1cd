/** Environment variables the handlers read; set by the CDK stack and by the local stack alike. */
export const envNames = {
  stage: 'STAGE',
  tableName: 'TABLE_NAME',
  allowedOrigins: 'ALLOWED_ORIGINS',
  responseShards: 'RESPONSE_SHARDS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  disclosureThreshold: 'DISCLOSURE_THRESHOLD',
  aggregationLagSeconds: 'AGGREGATION_LAG_SECONDS',
  /** Only set locally: where DynamoDB Local listens. Unset in AWS. */
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  sesEndpoint: 'SES_ENDPOINT',
} as const;
