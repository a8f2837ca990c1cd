import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// What the local stack keeps (its signing key, the unsubscribe secret, the data) is for this user alone.
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates the directory (and its parents) readable by this user only; an existing one is made so too. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Writes a file only this user can read (the mode given to writeFileSync applies only to a new file). */
export function writePrivateFile(file: string, text: string): void {
  privateDir(dirname(file));
  writeFileSync(file, text, { mode: FILE_MODE });
  chmodSync(file, FILE_MODE);
}

/** Makes the directory and everything in it private, for what an earlier version left world-readable. */
export function makePrivate(dir: string): void {
  privateDir(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(path);
    else if (entry.isFile()) chmodSync(path, FILE_MODE);
  }
}
