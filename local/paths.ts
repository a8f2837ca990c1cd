import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '..');
/** Everything the local stack keeps between runs; git-ignored. */
export const localDir = join(projectRoot, '.local');
