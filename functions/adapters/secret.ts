import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SigningKeys } from '../../shared/mail/signed';
import { env } from '../lib/env';

const MIN_KEY_LENGTH = 32;

/**
 * How long a function keeps the keys it read. Kept for the life of a warm function, the old key would go on signing
 * after a rotation until cold starts replace the function, which can take hours; re-read after five minutes, a
 * rotation reaches every function within five minutes, and what the old key signs meanwhile still verifies, as
 * AWSPREVIOUS. The cost: two GetSecretValue calls per function per five minutes, waited for by one request.
 */
export const KEYS_LIFETIME_MS = 5 * 60_000;

function checked(stage: string, key: string | undefined): string {
  if (!key || key.length < MIN_KEY_LENGTH)
    throw new Error(
      `The unsubscribe secret's ${stage} version is missing or shorter than ${MIN_KEY_LENGTH} characters`,
    );
  return key;
}

/** The secret's AWSCURRENT version signs and verifies; its AWSPREVIOUS, there from the first rotation on, verifies. */
export async function secretsManagerKeys(client: SecretsManagerClient, secretId: string): Promise<SigningKeys> {
  const read = (VersionStage: 'AWSCURRENT' | 'AWSPREVIOUS') =>
    client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage }));
  const [current, previous] = await Promise.all([
    read('AWSCURRENT'),
    // Before the first rotation no version is AWSPREVIOUS: Secrets Manager answers ResourceNotFoundException.
    read('AWSPREVIOUS').catch((error: unknown) => {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }),
  ]);
  return {
    current: checked('AWSCURRENT', current.SecretString),
    ...(previous ? { previous: checked('AWSPREVIOUS', previous.SecretString) } : {}),
  };
}

/** `read`, once per KEYS_LIFETIME_MS at most. */
export function refreshedKeys(
  read: () => Promise<SigningKeys>,
  now: () => number = Date.now,
): () => Promise<SigningKeys> {
  let kept: { keys: Promise<SigningKeys>; until: number } | undefined;
  return () => {
    const at = now();
    if (!kept || at >= kept.until) {
      const keys = read();
      kept = { keys, until: at + KEYS_LIFETIME_MS };
      // A failed read is not kept: the next request tries again instead of failing for five minutes.
      keys.catch(() => {
        if (kept?.keys === keys) kept = undefined;
      });
    }
    return kept.keys;
  };
}

const client = new SecretsManagerClient({});

/** The keys that sign unsubscribe and rating links: from the environment locally, from Secrets Manager in AWS. */
export const unsubscribeKeys = refreshedKeys(async () => {
  const { unsubscribeKeys: local, unsubscribeSecretArn: arn } = env();
  if (local) return local;
  if (!arn) throw new Error('Neither UNSUBSCRIBE_SECRET nor UNSUBSCRIBE_SECRET_ARN is set');
  return secretsManagerKeys(client, arn);
});
