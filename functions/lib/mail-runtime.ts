import { dynamoMailoutStore } from '../adapters/mailout-store';
import { createSesClient, sesMailer } from '../adapters/mailer';
import { env } from './env';
import { client } from './runtime';

/** The email side's dependencies, apart from runtime.ts so that handlers which never mail do not bundle SES. */
export const mailRuntime = {
  mailouts: dynamoMailoutStore(client, env().tableName),
  mailer: sesMailer(createSesClient(env().sesEndpoint), env().configurationSet),
};
export type MailRuntime = typeof mailRuntime;
