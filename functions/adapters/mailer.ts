import { MessageRejected, SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type Mailer, PermanentMailError } from '../../shared/mail/mailout-run';

/**
 * SES through SendRawEmail. The SDK's standard retry (with backoff) covers throttling and 5xx; a request timeout
 * keeps one hung call from eating the run (the local emulator hangs on calls it does not support).
 */
export function createSesClient(endpoint?: string): SESClient {
  return new SESClient({
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 6,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 3000, requestTimeout: 10_000 }),
  });
}

export function sesMailer(client: SESClient, configurationSet?: string): Mailer {
  return {
    async send(raw, tags) {
      try {
        await client.send(
          new SendRawEmailCommand({
            RawMessage: { Data: Buffer.from(raw, 'utf8') },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
            Tags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
          }),
        );
      } catch (error) {
        if (error instanceof MessageRejected) throw new PermanentMailError(`rejected: ${error.message}`);
        throw error;
      }
    },
  };
}
