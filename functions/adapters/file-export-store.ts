import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_KEPT_DAYS, EXPORT_LINK_SECONDS, type ExportStore } from '../../shared/export/ports';
import type { Clock } from '../../shared/ports';

/** Where the local gateway serves exports (local/export-files.ts); in AWS a presigned S3 URL takes its place. */
export const EXPORT_DOWNLOAD_PREFIX = '/local/exports/';

const signatureOf = (secret: string, file: string, name: string, type: string, expires: string): Buffer =>
  createHmac('sha256', secret).update(`${file}/${name}\n${type}\n${expires}`).digest();

/** A download the link's signature vouches for, until it expires; undefined for any other link. */
export function verifiedDownload(url: URL, secret: string, now: Date) {
  const [file = '', name = '', ...rest] = url.pathname.slice(EXPORT_DOWNLOAD_PREFIX.length).split('/');
  const type = url.searchParams.get('type') ?? '';
  const expires = url.searchParams.get('expires') ?? '';
  const given = Buffer.from(url.searchParams.get('signature') ?? '', 'base64url');
  const expected = signatureOf(secret, file, decodeURIComponent(name), type, expires);
  if (rest.length > 0 || !/^[\w-]+$/.test(file) || given.length !== expected.length) return undefined;
  if (!timingSafeEqual(given, expected) || !(Number(expires) * 1000 > now.getTime())) return undefined;
  return { file, name: decodeURIComponent(name), contentType: type };
}

/** What the bucket's lifecycle does in AWS: exports older than a day go. */
async function removeOld(dir: string, now: Date): Promise<void> {
  const before = now.getTime() - EXPORT_KEPT_DAYS * 86_400_000;
  for (const entry of await readdir(dir)) {
    const path = join(dir, entry);
    if ((await stat(path)).mtimeMs < before) await rm(path, { force: true });
  }
}

/**
 * Exports locally and in tests: streamed into a folder of this user's alone, and downloaded through the local
 * gateway with a link signed by `secret` that expires as a presigned S3 URL does, so the same code path runs here.
 */
export function fileExportStore(dir: string, baseUrl: string, secret: string, clock: Clock): ExportStore {
  return {
    async save({ name, contentType, body }) {
      const now = clock.now();
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await removeOld(dir, now);
      const file = randomUUID();
      await pipeline(Readable.from(body), createWriteStream(join(dir, file), { mode: 0o600 }));
      const expires = String(Math.floor(now.getTime() / 1000) + EXPORT_LINK_SECONDS);
      const signature = signatureOf(secret, file, name, contentType, expires).toString('base64url');
      const query = new URLSearchParams({ type: contentType, expires, signature });
      return {
        url: `${baseUrl}${EXPORT_DOWNLOAD_PREFIX}${file}/${encodeURIComponent(name)}?${query}`,
        expiresAt: new Date(Number(expires) * 1000).toISOString(),
      };
    },
  };
}
