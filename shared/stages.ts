import * as z from 'zod/mini';
import { envNames } from './env-names';
import { reminderSettingsSchema } from './reminders/settings';
import { parseOrThrow } from './validation';

/** Settings that differ between deployments; chosen with `-c stage=<name>` (CDK) or `local` (npm start). */
export const stageConfigSchema = z.strictObject({
  /** Origins allowed to call the public API from a browser (the municipality's web pages). */
  allowedOrigins: z.array(z.url()).check(z.minLength(1)),
  /** Arrival-index partitions per dialogue that responses are spread over (fixed per dialogue when it is created). */
  responseShards: z.int().check(z.minimum(1), z.maximum(64)),
  /** API Gateway throttling; over it the API answers 429. */
  throttle: z.strictObject({ ratePerSecond: z.int().check(z.positive()), burst: z.int().check(z.positive()) }),
  logRetentionDays: z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)]),
  /** Stateful resources survive `cdk destroy` when true. */
  retainData: z.boolean(),
  publicBaseUrl: z.url(),
  /** Public results hide any breakdown cell with fewer respondents than this, so no small group can be singled out. */
  disclosureThreshold: z.int().check(z.minimum(1), z.maximum(100)),
  /**
   * Responses younger than this may still be in flight when results are aggregated: it must cover the longest a
   * submission can take (the HTTP functions' 10 s timeout) plus the arrival index's propagation (usually under 1 s).
   */
  aggregationLagSeconds: z.int().check(z.minimum(1), z.maximum(120)),
  /** How often results are aggregated (EventBridge), in minutes. */
  aggregateEveryMinutes: z.int().check(z.minimum(1), z.maximum(60)),
  /** Feedback email (P12): sender and reply-to, SES's maximum send rate, and how long contacts are kept after it. */
  mail: z.strictObject({
    from: z.string().check(z.minLength(3)),
    replyTo: z.optional(z.email()),
    maxSendRate: z.number().check(z.positive(), z.maximum(1000)),
    contactRetentionDays: z.int().check(z.minimum(1), z.maximum(3650)),
  }),
  /** Reminders to the lead committee before and after the feedback date (shared/reminders/settings.ts). */
  reminders: reminderSettingsSchema,
  /**
   * Gallring, as the municipality's gallringsbeslut says (left out: kept): responses are deleted this many days after
   * the decision was registered (the results and the dialogue stay); the contacts of a dialogue closed this many days
   * ago with no decision are deleted (those of a decided one go by TTL after the feedback, `mail.contactRetentionDays`).
   */
  retention: z.strictObject({
    responsesAfterDecisionDays: z.optional(z.int().check(z.minimum(1), z.maximum(36_500))),
    undecidedContactsDays: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
  }),
  /**
   * Officials' sign-in: the prefix of the user pool's managed-login domain (`<prefix>.auth.<region>.amazoncognito.com`,
   * unique in the region; Cognito refuses `aws`, `amazon` and `cognito` in it), and how long a session lasts before the
   * console asks to sign in again (the ID and access tokens' lifetime; locally, the local provider's).
   */
  signIn: z.strictObject({
    domainPrefix: z.string().check(
      z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
      z.refine((p) => !/aws|amazon|cognito/.test(p)),
    ),
    sessionMinutes: z.int().check(z.minimum(5), z.maximum(1440)),
  }),
  /** Where the stage is deployed; citizens' data stays in Sweden. */
  region: z.string().check(z.regex(/^[a-z]{2}-[a-z]+-\d$/)),
});
export type StageConfig = z.infer<typeof stageConfigSchema>;

const stages = {
  local: {
    allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    responseShards: 4,
    disclosureThreshold: 5,
    aggregateEveryMinutes: 1,
    aggregationLagSeconds: 2,
    throttle: { ratePerSecond: 1000, burst: 2000 },
    logRetentionDays: 7,
    retainData: false,
    publicBaseUrl: 'http://localhost:3000',
    signIn: { domainPrefix: 'local', sessionMinutes: 60 },
    region: 'eu-north-1',
    mail: {
      from: 'Ljungby kommun <medborgardialog@ljungby.example>',
      replyTo: 'kommun@ljungby.example',
      maxSendRate: 14,
      contactRetentionDays: 30,
    },
    reminders: {
      daysBefore: 7,
      committeeContacts: { 'tekniska-namnden': 'tekniska.namnden@ljungby.example' },
      otherwise: 'kommun@ljungby.example',
    },
    retention: { responsesAfterDecisionDays: 730, undecidedContactsDays: 180 },
  },
  dev: {
    allowedOrigins: ['https://test.ljungby.se'],
    responseShards: 4,
    disclosureThreshold: 5,
    aggregateEveryMinutes: 5,
    aggregationLagSeconds: 30,
    throttle: { ratePerSecond: 50, burst: 100 },
    logRetentionDays: 30,
    retainData: false,
    publicBaseUrl: 'https://dialog-dev.ljungby.se',
    signIn: { domainPrefix: 'ljungby-medborgardialog-dev', sessionMinutes: 60 },
    region: 'eu-north-1',
    mail: {
      from: 'Ljungby kommun <medborgardialog@dev.ljungby.se>',
      replyTo: 'kommun@ljungby.se',
      maxSendRate: 1,
      contactRetentionDays: 30,
    },
    // Never the committees' own inboxes from a test stage.
    reminders: { daysBefore: 7, committeeContacts: {}, otherwise: 'medborgardialog@dev.ljungby.se' },
    retention: { responsesAfterDecisionDays: 30, undecidedContactsDays: 30 },
  },
  prod: {
    allowedOrigins: ['https://www.ljungby.se', 'https://ljungby.se'],
    responseShards: 8,
    disclosureThreshold: 5,
    aggregateEveryMinutes: 5,
    aggregationLagSeconds: 30,
    throttle: { ratePerSecond: 200, burst: 400 },
    logRetentionDays: 365,
    retainData: true,
    publicBaseUrl: 'https://dialog.ljungby.se',
    signIn: { domainPrefix: 'ljungby-medborgardialog', sessionMinutes: 60 },
    region: 'eu-north-1',
    mail: {
      from: 'Ljungby kommun <medborgardialog@ljungby.se>',
      replyTo: 'kommun@ljungby.se',
      maxSendRate: 14,
      contactRetentionDays: 90,
    },
    // Until each committee's own address is filled in, reminders go to the municipality's registry.
    reminders: { daysBefore: 14, committeeContacts: {}, otherwise: 'kommun@ljungby.se' },
    // Responses are kept until the municipality's gallringsbeslut gives a time: set responsesAfterDecisionDays then.
    retention: { undecidedContactsDays: 365 },
  },
} satisfies Record<string, StageConfig>;

export type StageName = keyof typeof stages;
export const stageNames = Object.keys(stages) as StageName[];

/** The named stage's validated settings; an unknown name or invalid setting throws a one-line error. */
export function getStageConfig(name: unknown): StageConfig & { name: StageName } {
  if (typeof name !== 'string' || !(name in stages)) {
    throw new Error(`Unknown stage "${String(name)}": use one of ${stageNames.join(', ')} (-c stage=<name>)`);
  }
  const stageName = name as StageName;
  const config = parseOrThrow(
    stageConfigSchema,
    stages[stageName],
    (issues) => `Stage "${stageName}" is misconfigured: ${issues}`,
  );
  return { ...config, name: stageName };
}

/** The environment every handler gets, in AWS and locally. */
export function handlerEnvironment(
  stage: StageConfig & { name: string },
  tableNameValue: string,
): Record<string, string> {
  return {
    [envNames.stage]: stage.name,
    [envNames.tableName]: tableNameValue,
    [envNames.responseShards]: String(stage.responseShards),
    [envNames.publicBaseUrl]: stage.publicBaseUrl,
    [envNames.embeddingOrigins]: stage.allowedOrigins.join(','),
    [envNames.disclosureThreshold]: String(stage.disclosureThreshold),
    [envNames.aggregationLagSeconds]: String(stage.aggregationLagSeconds),
    [envNames.mailFrom]: stage.mail.from,
    ...(stage.mail.replyTo ? { [envNames.mailReplyTo]: stage.mail.replyTo } : {}),
    [envNames.mailMaxSendRate]: String(stage.mail.maxSendRate),
    [envNames.contactRetentionDays]: String(stage.mail.contactRetentionDays),
    [envNames.reminders]: JSON.stringify(stage.reminders),
    ...(stage.retention.responsesAfterDecisionDays
      ? { [envNames.responsesAfterDecisionDays]: String(stage.retention.responsesAfterDecisionDays) }
      : {}),
    ...(stage.retention.undecidedContactsDays
      ? { [envNames.undecidedContactsDays]: String(stage.retention.undecidedContactsDays) }
      : {}),
  };
}
