import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDir } from './paths';
import { writePrivateFile } from './private-files';

/** A random secret kept in .local/, so links signed in one run of the local stack still work in the next. */
export function localSecret(name: string): string {
  const file = join(localDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    writePrivateFile(file, secret);
    return secret;
  }
}
