import { spawnSync } from 'node:child_process';

/** Throws a one-line, actionable error unless Java 17+ is on the PATH (DynamoDB Local needs it). */
export function assertJava17(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const help =
    'DynamoDB Local needs Java 17 or newer: install it (Debian: apt-get install openjdk-17-jre-headless) and try again.';
  if (result.error) throw new Error(`Java was not found. ${help}`);
  const major = Number(/version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 0);
  if (major < 17) throw new Error(`Java ${major || '(unknown version)'} is too old. ${help}`);
}
