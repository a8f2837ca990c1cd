import { envNames } from '../../shared/env-names';
import { getStageConfig, handlerEnvironment } from '../../shared/stages';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** env() reads once per cold start; each case loads it afresh over just the environment given. */
async function loadEnv(variables: Record<string, string>): Promise<typeof import('../../functions/lib/env')> {
  for (const name of Object.values(envNames)) delete process.env[name];
  Object.assign(process.env, variables);
  let loaded: typeof import('../../functions/lib/env') | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = await import('../../functions/lib/env');
  });
  return loaded as typeof import('../../functions/lib/env');
}

describe('a handler gets the settings its manifest entry names, and says so when one is missing', () => {
  const stage = getStageConfig('prod');

  it('without the mail settings, a handler starts, and one that reads them fails naming them', async () => {
    const { env, requiredSetting } = await loadEnv(handlerEnvironment(stage, 'table', []));
    expect(env().mail).toBeUndefined();
    expect(env().reminders).toBeUndefined();
    expect(env().retention).toEqual({});
    expect(() => requiredSetting(env().mail, 'mail')).toThrow(
      'This handler reads the "mail" settings, but its manifest entry does not name them',
    );
  });

  it('with them, it reads the stage’s values', async () => {
    const { env } = await loadEnv(handlerEnvironment(stage, 'table', ['mail', 'retention']));
    expect(env().mail).toEqual({
      from: stage.mail.from,
      replyTo: stage.mail.replyTo,
      maxSendRate: stage.mail.maxSendRate,
      contactRetentionDays: stage.mail.contactRetentionDays,
    });
    expect(env().retention).toEqual({ undecidedContactsDays: stage.retention.undecidedContactsDays });
    expect(env().reminders).toBeUndefined();
  });

  it('a partial set of mail settings is a broken deployment, refused at once', async () => {
    const variables = handlerEnvironment(stage, 'table', ['mail']);
    delete variables[envNames.mailMaxSendRate];
    const { env } = await loadEnv(variables);
    expect(() => env()).toThrow('MAIL_FROM, MAIL_MAX_SEND_RATE and CONTACT_RETENTION_DAYS come together');
  });
});
