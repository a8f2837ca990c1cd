import { createSesClient, sesMailer } from '../adapters/mailer';
import { env } from './env';
import { mailoutRuntime } from './mailout-runtime';

/** The email side's dependencies, apart from runtime.ts so that handlers which never mail do not bundle SES. */
export const mailRuntime = {
  ...mailoutRuntime,
  mailer: sesMailer(createSesClient(env().sesEndpoint), env().configurationSet),
};
export type MailRuntime = typeof mailRuntime;
