import * as z from 'zod/mini';
import { envNames } from '../../shared/env-names';
import type { SigningKeys } from '../../shared/mail/signed';
import { parseOrThrow } from '../../shared/validation';

const envSchema = z.object({
  [envNames.stage]: z.string().check(z.minLength(1)),
  [envNames.tableName]: z.string().check(z.minLength(1)),
  [envNames.responseShards]: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(64)),
  [envNames.publicBaseUrl]: z.url(),
  [envNames.embeddingOrigins]: z.string().check(z.minLength(1)),
  [envNames.disclosureThreshold]: z.coerce.number().check(z.int(), z.minimum(1)),
  [envNames.aggregationLagSeconds]: z.coerce.number().check(z.int(), z.minimum(1)),
  // The settings some handlers alone read (shared/stages.ts `Setting`): present when the manifest entry names them.
  [envNames.mailFrom]: z.optional(z.string().check(z.minLength(3))),
  [envNames.mailReplyTo]: z.optional(z.string()),
  [envNames.mailMaxSendRate]: z.optional(z.coerce.number().check(z.positive())),
  [envNames.contactRetentionDays]: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  [envNames.reminders]: z.optional(z.string().check(z.minLength(2))),
  [envNames.responsesAfterDecisionDays]: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  [envNames.undecidedContactsDays]: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  [envNames.unsubscribeSecret]: z.optional(z.string().check(z.minLength(32))),
  [envNames.unsubscribeSecretArn]: z.optional(z.string()),
  [envNames.unsubscribeSecretPrevious]: z.optional(z.string().check(z.minLength(32))),
  [envNames.sesConfigurationSet]: z.optional(z.string()),
  [envNames.exportBucket]: z.optional(z.string().check(z.minLength(3))),
  [envNames.exportDir]: z.optional(z.string().check(z.minLength(1))),
  [envNames.exportUrlSecret]: z.optional(z.string().check(z.minLength(32))),
  [envNames.scheduleSeconds]: z.optional(z.coerce.number().check(z.positive())),
  [envNames.dynamoEndpoint]: z.optional(z.url()),
  [envNames.sesEndpoint]: z.optional(z.url()),
});

export interface MailSettings {
  readonly from: string;
  readonly replyTo?: string;
  readonly maxSendRate: number;
  readonly contactRetentionDays: number;
}

export interface HandlerEnv {
  readonly stage: string;
  readonly tableName: string;
  readonly responseShards: number;
  readonly publicBaseUrl: string;
  readonly embeddingOrigins: readonly string[];
  readonly disclosureThreshold: number;
  readonly aggregationLagMs: number;
  /** Only for the handlers whose manifest entry names the `mail` setting; read with `mailSettings()`. */
  readonly mail?: MailSettings;
  /** The stage's `reminders` as JSON; the reminder job reads it (shared/reminders/settings.ts). */
  readonly reminders?: string;
  /** The SES configuration set, for handlers that send. */
  readonly configurationSet?: string;
  /** Days; absent: kept. */
  readonly retention: { responsesAfterDecisionDays?: number; undecidedContactsDays?: number };
  /** Locally the keys themselves; in AWS the ARN of the secret that holds them instead. */
  readonly unsubscribeKeys?: SigningKeys;
  readonly unsubscribeSecretArn?: string;
  /** Where exports go: an S3 bucket in AWS, or locally a folder and the key that signs its links. */
  readonly exports?: { readonly bucket: string } | { readonly dir: string; readonly urlSecret: string };
  /** A scheduled job's interval, in seconds. */
  readonly scheduleSeconds?: number;
  readonly dynamoEndpoint?: string;
  readonly sesEndpoint?: string;
}

function exportsOf(bucket?: string, dir?: string, urlSecret?: string): HandlerEnv['exports'] {
  if (bucket) return { bucket };
  return dir && urlSecret ? { dir, urlSecret } : undefined;
}

function keysOf(current?: string, previous?: string): SigningKeys | undefined {
  if (!current) return undefined;
  return previous ? { current, previous } : { current };
}

/** The mail settings come together or not at all: a partial set is a broken deployment, said at once. */
function mailOf(from?: string, replyTo?: string, maxSendRate?: number, contactRetentionDays?: number) {
  if (from === undefined && maxSendRate === undefined && contactRetentionDays === undefined) return {};
  if (from === undefined || maxSendRate === undefined || contactRetentionDays === undefined)
    throw new Error(
      `Invalid handler environment: ${envNames.mailFrom}, ${envNames.mailMaxSendRate} and ${envNames.contactRetentionDays} come together`,
    );
  return { mail: { from, ...(replyTo ? { replyTo } : {}), maxSendRate, contactRetentionDays } };
}

let cached: HandlerEnv | undefined;

/** The handler environment, read and validated once per cold start; a missing variable fails fast. */
export function env(): HandlerEnv {
  if (cached) return cached;
  const e = parseOrThrow(envSchema, process.env, (issues) => `Invalid handler environment: ${issues}`);
  const exports = exportsOf(e[envNames.exportBucket], e[envNames.exportDir], e[envNames.exportUrlSecret]);
  const unsubscribeKeys = keysOf(e[envNames.unsubscribeSecret], e[envNames.unsubscribeSecretPrevious]);
  cached = {
    stage: e[envNames.stage],
    tableName: e[envNames.tableName],
    responseShards: e[envNames.responseShards],
    publicBaseUrl: e[envNames.publicBaseUrl],
    embeddingOrigins: e[envNames.embeddingOrigins].split(','),
    disclosureThreshold: e[envNames.disclosureThreshold],
    aggregationLagMs: e[envNames.aggregationLagSeconds] * 1000,
    ...mailOf(
      e[envNames.mailFrom],
      e[envNames.mailReplyTo],
      e[envNames.mailMaxSendRate],
      e[envNames.contactRetentionDays],
    ),
    ...(e[envNames.reminders] ? { reminders: e[envNames.reminders] } : {}),
    ...(e[envNames.sesConfigurationSet] ? { configurationSet: e[envNames.sesConfigurationSet] } : {}),
    retention: {
      ...(e[envNames.responsesAfterDecisionDays]
        ? { responsesAfterDecisionDays: e[envNames.responsesAfterDecisionDays] }
        : {}),
      ...(e[envNames.undecidedContactsDays] ? { undecidedContactsDays: e[envNames.undecidedContactsDays] } : {}),
    },
    ...(unsubscribeKeys ? { unsubscribeKeys } : {}),
    ...(e[envNames.unsubscribeSecretArn] ? { unsubscribeSecretArn: e[envNames.unsubscribeSecretArn] } : {}),
    ...(exports ? { exports } : {}),
    ...(e[envNames.scheduleSeconds] ? { scheduleSeconds: e[envNames.scheduleSeconds] } : {}),
    ...(e[envNames.dynamoEndpoint] ? { dynamoEndpoint: e[envNames.dynamoEndpoint] } : {}),
    ...(e[envNames.sesEndpoint] ? { sesEndpoint: e[envNames.sesEndpoint] } : {}),
  };
  return cached;
}

/** A setting the handler's manifest entry must name (`settings` in shared/routes.ts), or an error that says so. */
export function requiredSetting<T>(value: T | undefined, setting: string): T {
  if (value === undefined)
    throw new Error(`This handler reads the "${setting}" settings, but its manifest entry does not name them`);
  return value;
}
