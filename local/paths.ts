import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '..');
/** Everything the local stack keeps between runs (`LOCAL_DIR`, default `.local/`); git-ignored. */
export const localDir = process.env.LOCAL_DIR ? resolve(process.env.LOCAL_DIR) : join(projectRoot, '.local');
/** Build output that can be made again at any time (the compiled DynamoDB Local launcher); git-ignored. */
export const cacheDir = join(projectRoot, '.cache');
