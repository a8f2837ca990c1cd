import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { env } from '../lib/env';

let cached: Promise<string> | undefined;

/** The key that signs unsubscribe links: from the environment locally, from Secrets Manager in AWS (once per cold start). */
export function unsubscribeSecret(): Promise<string> {
  cached ??= (async () => {
    const { unsubscribeSecret: local, unsubscribeSecretArn: arn } = env();
    if (local) return local;
    if (!arn) throw new Error('Neither UNSUBSCRIBE_SECRET nor UNSUBSCRIBE_SECRET_ARN is set');
    const client = new SecretsManagerClient({});
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    client.destroy();
    if (!SecretString || SecretString.length < 32) throw new Error('The unsubscribe secret is missing or too short');
    return SecretString;
  })();
  return cached;
}
