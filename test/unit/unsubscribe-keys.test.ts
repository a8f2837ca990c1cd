/**
 * Where the keys that sign unsubscribe and rating links come from (functions/adapters/secret.ts): the secret's
 * AWSCURRENT and AWSPREVIOUS versions in AWS, re-read every few minutes so a rotation takes effect; the environment
 * locally. Secrets Manager has no local emulator, so its client is mocked (aws-sdk-client-mock).
 */
import {
  DecryptionFailure,
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { KEYS_LIFETIME_MS, refreshedKeys, secretsManagerKeys, unsubscribeKeys } from '../../functions/adapters/secret';
import { envNames } from '../../shared/env-names';
import type { SigningKeys } from '../../shared/mail/signed';

const ARN = 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:UnsubscribeKey-AbCdEf';
const CURRENT = 'current-key-0123456789abcdefghijklmnopqrstuvwxyz';
const PREVIOUS = 'previous-key-0123456789abcdefghijklmnopqrstuvwxyz';
const LOCAL_PREVIOUS = 'local-previous-key-0123456789abcdefghijkl';

// Read by env() on its first call, in this file's own module registry.
process.env[envNames.unsubscribeSecretPrevious] = LOCAL_PREVIOUS;

const secretsManager = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: 'eu-north-1' });
const stage = (VersionStage: string) => ({ SecretId: ARN, VersionStage });
const notFound = (label: string) =>
  new ResourceNotFoundException({
    message: `Secrets Manager can't find the specified secret value for staging label: ${label}`,
    $metadata: {},
  });

beforeEach(() => secretsManager.reset());

describe('the keys in Secrets Manager', () => {
  it('are the AWSCURRENT version to sign with and the AWSPREVIOUS version to verify with', async () => {
    secretsManager.on(GetSecretValueCommand, stage('AWSCURRENT')).resolves({ SecretString: CURRENT });
    secretsManager.on(GetSecretValueCommand, stage('AWSPREVIOUS')).resolves({ SecretString: PREVIOUS });
    await expect(secretsManagerKeys(client, ARN)).resolves.toEqual({ current: CURRENT, previous: PREVIOUS });
    expect(secretsManager.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual(
      expect.arrayContaining([stage('AWSCURRENT'), stage('AWSPREVIOUS')]),
    );
  });

  it('before the first rotation (no AWSPREVIOUS version) are the current key alone', async () => {
    secretsManager.on(GetSecretValueCommand, stage('AWSCURRENT')).resolves({ SecretString: CURRENT });
    secretsManager.on(GetSecretValueCommand, stage('AWSPREVIOUS')).rejects(notFound('AWSPREVIOUS'));
    await expect(secretsManagerKeys(client, ARN)).resolves.toEqual({ current: CURRENT });
  });

  it.each([
    ['a short current key', 'too-short', PREVIOUS, /AWSCURRENT version is missing or shorter than 32/],
    ['a short previous key', CURRENT, 'too-short', /AWSPREVIOUS version is missing or shorter than 32/],
    ['a binary secret (no SecretString)', undefined, PREVIOUS, /AWSCURRENT version is missing/],
  ])('are refused for %s', async (_, current, previous, message) => {
    secretsManager.on(GetSecretValueCommand, stage('AWSCURRENT')).resolves({ SecretString: current });
    secretsManager.on(GetSecretValueCommand, stage('AWSPREVIOUS')).resolves({ SecretString: previous });
    await expect(secretsManagerKeys(client, ARN)).rejects.toThrow(message);
  });

  it('are not read past any other error: a failed AWSPREVIOUS read, or a missing AWSCURRENT, propagates', async () => {
    const denied = new DecryptionFailure({ message: 'Access to KMS is not allowed', $metadata: {} });
    secretsManager.on(GetSecretValueCommand, stage('AWSCURRENT')).resolves({ SecretString: CURRENT });
    secretsManager.on(GetSecretValueCommand, stage('AWSPREVIOUS')).rejects(denied);
    await expect(secretsManagerKeys(client, ARN)).rejects.toBe(denied);

    secretsManager.reset();
    secretsManager.on(GetSecretValueCommand, stage('AWSCURRENT')).rejects(notFound('AWSCURRENT'));
    secretsManager.on(GetSecretValueCommand, stage('AWSPREVIOUS')).resolves({ SecretString: PREVIOUS });
    await expect(secretsManagerKeys(client, ARN)).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('a running function', () => {
  const ROTATED: SigningKeys = { current: PREVIOUS, previous: CURRENT };

  function counted(...answers: Array<SigningKeys | Error>) {
    const reads = { count: 0 };
    const read = async () => {
      const answer = answers[Math.min(reads.count++, answers.length - 1)] as SigningKeys | Error;
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { reads, read };
  }

  it('reads the keys once for all its requests within the lifetime, and picks up a rotation after it', async () => {
    let now = 1_000_000;
    const { reads, read } = counted({ current: CURRENT }, ROTATED);
    const keys = refreshedKeys(read, () => now);
    await expect(Promise.all([keys(), keys()])).resolves.toEqual([{ current: CURRENT }, { current: CURRENT }]);
    now += KEYS_LIFETIME_MS - 1;
    await expect(keys()).resolves.toEqual({ current: CURRENT });
    expect(reads.count).toBe(1);
    now += 1;
    await expect(keys()).resolves.toEqual(ROTATED);
    expect(reads.count).toBe(2);
  });

  it('does not keep a failed read: the next request reads again', async () => {
    const { reads, read } = counted(new Error('Secrets Manager unavailable'), { current: CURRENT });
    const keys = refreshedKeys(read, () => 0);
    await expect(keys()).rejects.toThrow('Secrets Manager unavailable');
    await expect(keys()).resolves.toEqual({ current: CURRENT });
    expect(reads.count).toBe(2);
  });
});

it('locally the keys are UNSUBSCRIBE_SECRET and, after a rotation, UNSUBSCRIBE_SECRET_PREVIOUS, with no call to AWS', async () => {
  await expect(unsubscribeKeys()).resolves.toEqual({
    current: process.env[envNames.unsubscribeSecret],
    previous: LOCAL_PREVIOUS,
  });
  expect(secretsManager.calls()).toEqual([]);
});
