import * as z from 'zod';
import { envNames } from '../../shared/env-names';

const envSchema = z.object({
  [envNames.stage]: z.string().min(1),
  [envNames.tableName]: z.string().min(1),
  [envNames.responseShards]: z.coerce.number().int().min(1).max(64),
  [envNames.publicBaseUrl]: z.url(),
  [envNames.disclosureThreshold]: z.coerce.number().int().min(1),
  [envNames.aggregationLagSeconds]: z.coerce.number().int().min(1),
  [envNames.mailFrom]: z.string().min(3),
  [envNames.mailReplyTo]: z.string().optional(),
  [envNames.mailMaxSendRate]: z.coerce.number().positive(),
  [envNames.contactRetentionDays]: z.coerce.number().int().min(1),
  [envNames.unsubscribeSecret]: z.string().min(32).optional(),
  [envNames.unsubscribeSecretArn]: z.string().optional(),
  [envNames.sesConfigurationSet]: z.string().optional(),
  [envNames.dynamoEndpoint]: z.url().optional(),
  [envNames.sesEndpoint]: z.url().optional(),
});

export interface HandlerEnv {
  readonly stage: string;
  readonly tableName: string;
  readonly responseShards: number;
  readonly publicBaseUrl: string;
  readonly disclosureThreshold: number;
  readonly aggregationLagMs: number;
  readonly mail: { from: string; replyTo?: string; maxSendRate: number; contactRetentionDays: number; configurationSet?: string };
  readonly unsubscribeSecret?: string;
  readonly unsubscribeSecretArn?: string;
  readonly dynamoEndpoint?: string;
  readonly sesEndpoint?: string;
}

let cached: HandlerEnv | undefined;

/** The handler environment, read and validated once per cold start; a missing variable fails fast. */
export function env(): HandlerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid handler environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  cached = {
    stage: e[envNames.stage],
    tableName: e[envNames.tableName],
    responseShards: e[envNames.responseShards],
    publicBaseUrl: e[envNames.publicBaseUrl],
    disclosureThreshold: e[envNames.disclosureThreshold],
    aggregationLagMs: e[envNames.aggregationLagSeconds] * 1000,
    mail: {
      from: e[envNames.mailFrom],
      ...(e[envNames.mailReplyTo] ? { replyTo: e[envNames.mailReplyTo] } : {}),
      maxSendRate: e[envNames.mailMaxSendRate],
      contactRetentionDays: e[envNames.contactRetentionDays],
      ...(e[envNames.sesConfigurationSet] ? { configurationSet: e[envNames.sesConfigurationSet] } : {}),
    },
    ...(e[envNames.unsubscribeSecret] ? { unsubscribeSecret: e[envNames.unsubscribeSecret] } : {}),
    ...(e[envNames.unsubscribeSecretArn] ? { unsubscribeSecretArn: e[envNames.unsubscribeSecretArn] } : {}),
    ...(e[envNames.dynamoEndpoint] ? { dynamoEndpoint: e[envNames.dynamoEndpoint] } : {}),
    ...(e[envNames.sesEndpoint] ? { sesEndpoint: e[envNames.sesEndpoint] } : {}),
  };
  return cached;
}
