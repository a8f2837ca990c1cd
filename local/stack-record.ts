import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { localDir } from './paths';
import { writePrivateFile } from './private-files';

/**
 * Where a running `npm start` says which ports it took, so `npm run dev-token` and `npm run aggregate` find it
 * without repeating its settings. Environment variables still win.
 */
const recordFile = (dir: string): string => join(dir, 'stack.json');

const recordSchema = z.object({
  pid: z.number(),
  host: z.string(),
  ports: z.object({ api: z.number(), dynamodb: z.number(), ses: z.number() }),
});
export type StackRecord = z.infer<typeof recordSchema>;

export function writeStackRecord(record: StackRecord, dir = localDir): void {
  writePrivateFile(recordFile(dir), `${JSON.stringify(record)}\n`);
}

/** Removes the record if it is this process's (a later `npm start` on other ports may have replaced it). */
export function removeStackRecord(dir = localDir): void {
  if (readRecord(dir)?.pid === process.pid) rmSync(recordFile(dir), { force: true });
}

function readRecord(dir: string): StackRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(recordFile(dir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The environment with the running stack's settings under it: `PORT`, `DYNAMODB_PORT`, `SES_PORT` and `HOST`
 * from the record, unless set. A record left by a stack that was killed names a dead process and is ignored.
 */
export function withRunningStack(environment: NodeJS.ProcessEnv = process.env, dir = localDir): NodeJS.ProcessEnv {
  const record = readRecord(dir);
  if (!record || !isAlive(record.pid)) return environment;
  const recorded = {
    PORT: String(record.ports.api),
    DYNAMODB_PORT: String(record.ports.dynamodb),
    SES_PORT: String(record.ports.ses),
    HOST: record.host,
  };
  return { ...recorded, ...environment };
}
