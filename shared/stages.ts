import * as z from 'zod/mini';
import { envNames } from './env-names';
import { reminderSettingsSchema } from './reminders/settings';
import { parseOrThrow } from './validation';

const throttleSchema = z.strictObject({
  ratePerSecond: z.int().check(z.positive()),
  burst: z.int().check(z.positive()),
});

/** Settings that differ between deployments; chosen with `-c stage=<name>` (CDK) or `local` (npm start). */
export const stageConfigSchema = z.strictObject({
  /** Origins allowed to call the public API from a browser (the municipality's web pages). */
  allowedOrigins: z.array(z.url()).check(z.minLength(1)),
  /** Arrival-index partitions per dialogue that responses are spread over (fixed per dialogue when it is created). */
  responseShards: z.int().check(z.minimum(1), z.maximum(64)),
  /**
   * API Gateway throttling, per route (over it the route answers 429): officials' routes apart from the public ones,
   * so a flood on a public route cannot shut officials out.
   */
  throttle: z.strictObject({ public: throttleSchema, official: throttleSchema }),
  /**
   * AWS WAF in front of CloudFront: requests one IP address may make in any five minutes, to the public routes and to
   * the officials' (a municipal office shares one address, so its limit is higher), before WAF answers 429.
   */
  waf: z.strictObject({
    publicRequestsPerIpPer5Min: z.int().check(z.minimum(10), z.maximum(2_000_000_000)),
    officialRequestsPerIpPer5Min: z.int().check(z.minimum(10), z.maximum(2_000_000_000)),
  }),
  /** The host citizens and officials use (CloudFront's alternate name and TLS certificate); unset only locally. */
  domain: z.optional(z.string().check(z.regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/))),
  /** Where the alarms are emailed (an operators' list, not a person). */
  alarmEmail: z.email(),
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
  /** How often each scheduled job runs in AWS (EventBridge), in minutes; the alarms allow for these intervals. */
  everyMinutes: z.strictObject({
    closeDialogues: z.int().check(z.minimum(1), z.maximum(60)),
    aggregate: z.int().check(z.minimum(1), z.maximum(60)),
    mailout: z.int().check(z.minimum(1), z.maximum(15)),
    feedbackReminders: z.int().check(z.minimum(5), z.maximum(1440)),
    retention: z.int().check(z.minimum(5), z.maximum(1440)),
  }),
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

const dev = {
  allowedOrigins: ['https://test.ljungby.se'],
  responseShards: 4,
  disclosureThreshold: 5,
  everyMinutes: { closeDialogues: 5, aggregate: 5, mailout: 1, feedbackReminders: 60, retention: 60 },
  aggregationLagSeconds: 30,
  throttle: { public: { ratePerSecond: 50, burst: 100 }, official: { ratePerSecond: 20, burst: 40 } },
  waf: { publicRequestsPerIpPer5Min: 300, officialRequestsPerIpPer5Min: 1500 },
  domain: 'dialog-dev.ljungby.se',
  alarmEmail: 'medborgardialog-drift@ljungby.se',
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
} satisfies StageConfig;

const stages = {
  local: {
    allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    responseShards: 4,
    disclosureThreshold: 5,
    everyMinutes: { closeDialogues: 5, aggregate: 1, mailout: 1, feedbackReminders: 60, retention: 60 },
    aggregationLagSeconds: 2,
    throttle: { public: { ratePerSecond: 1000, burst: 2000 }, official: { ratePerSecond: 1000, burst: 2000 } },
    waf: { publicRequestsPerIpPer5Min: 2_000_000_000, officialRequestsPerIpPer5Min: 2_000_000_000 },
    alarmEmail: 'drift@ljungby.example',
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
  dev,
  // Acceptance tests before production: the same as dev, on its own host, sign-in domain and sender.
  test: {
    ...dev,
    publicBaseUrl: 'https://dialog-test.ljungby.se',
    domain: 'dialog-test.ljungby.se',
    signIn: { ...dev.signIn, domainPrefix: 'ljungby-medborgardialog-test' },
    mail: { ...dev.mail, from: 'Ljungby kommun <medborgardialog@test.ljungby.se>' },
    reminders: { ...dev.reminders, otherwise: 'medborgardialog@test.ljungby.se' },
  },
  prod: {
    allowedOrigins: ['https://www.ljungby.se', 'https://ljungby.se'],
    responseShards: 8,
    disclosureThreshold: 5,
    everyMinutes: { closeDialogues: 5, aggregate: 5, mailout: 1, feedbackReminders: 60, retention: 60 },
    aggregationLagSeconds: 30,
    throttle: { public: { ratePerSecond: 200, burst: 400 }, official: { ratePerSecond: 50, burst: 100 } },
    waf: { publicRequestsPerIpPer5Min: 600, officialRequestsPerIpPer5Min: 3000 },
    domain: 'dialog.ljungby.se',
    alarmEmail: 'medborgardialog-drift@ljungby.se',
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
  return { ...checkedStage(stageName, stages[stageName]), name: stageName };
}

/** A stage's settings, validated: each field, and that the links in pages and emails name the host CloudFront serves. */
export function checkedStage(name: string, input: unknown): StageConfig {
  const config = parseOrThrow(stageConfigSchema, input, (issues) => `Stage "${name}" is misconfigured: ${issues}`);
  if (config.domain !== undefined && config.publicBaseUrl !== `https://${config.domain}`)
    throw new Error(`Stage "${name}" is misconfigured: publicBaseUrl must be https://${config.domain} (its domain)`);
  return config;
}

/**
 * Settings only some handlers read, each passed only to those whose manifest entry names it (`settings` in
 * shared/routes.ts): the feedback email's, the reminders', the retention's. The local stack runs every handler in one
 * process, so it passes them all.
 */
export type Setting = 'mail' | 'reminders' | 'retention';
export const allSettings: readonly Setting[] = ['mail', 'reminders', 'retention'];

function settingsEnvironment(stage: StageConfig, setting: Setting): Record<string, string> {
  switch (setting) {
    case 'mail':
      return {
        [envNames.mailFrom]: stage.mail.from,
        ...(stage.mail.replyTo ? { [envNames.mailReplyTo]: stage.mail.replyTo } : {}),
        [envNames.mailMaxSendRate]: String(stage.mail.maxSendRate),
        [envNames.contactRetentionDays]: String(stage.mail.contactRetentionDays),
      };
    case 'reminders':
      return { [envNames.reminders]: JSON.stringify(stage.reminders) };
    case 'retention':
      return {
        ...(stage.retention.responsesAfterDecisionDays
          ? { [envNames.responsesAfterDecisionDays]: String(stage.retention.responsesAfterDecisionDays) }
          : {}),
        ...(stage.retention.undecidedContactsDays
          ? { [envNames.undecidedContactsDays]: String(stage.retention.undecidedContactsDays) }
          : {}),
      };
  }
}

/** The environment a handler gets, in AWS and locally: what every handler reads, and the settings it names. */
export function handlerEnvironment(
  stage: StageConfig & { name: string },
  tableNameValue: string,
  settings: readonly Setting[] = allSettings,
): Record<string, string> {
  return Object.assign(
    {
      [envNames.stage]: stage.name,
      [envNames.tableName]: tableNameValue,
      [envNames.responseShards]: String(stage.responseShards),
      [envNames.publicBaseUrl]: stage.publicBaseUrl,
      [envNames.embeddingOrigins]: stage.allowedOrigins.join(','),
      [envNames.disclosureThreshold]: String(stage.disclosureThreshold),
      [envNames.aggregationLagSeconds]: String(stage.aggregationLagSeconds),
    },
    ...settings.map((setting) => settingsEnvironment(stage, setting)),
  );
}
