import { dynamoMailoutStore } from '../adapters/mailout-store';
import { env } from './env';
import { client } from './runtime';

/** The mailout queue alone: for the handlers that read or change it but never mail (no SES client bundled). */
export const mailoutRuntime = { mailouts: dynamoMailoutStore(client, env().tableName) };
export type MailoutRuntime = typeof mailoutRuntime;
