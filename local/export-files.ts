import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EXPORT_DOWNLOAD_PREFIX, verifiedDownload } from '../functions/adapters/file-export-store';

const refuse = (response: ServerResponse, statusCode: number, message: string): true => {
  response.writeHead(statusCode, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
  return true;
};

/**
 * `/local/exports/…`: what a presigned S3 URL is in AWS, a download without a token that works until the link
 * expires (403 after, as S3 answers), streamed from the export folder.
 */
export function exportFiles({ dir, secret }: { readonly dir: string; readonly secret: string }) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(EXPORT_DOWNLOAD_PREFIX)) return false;
    if (request.method !== 'GET') return refuse(response, 405, 'Method Not Allowed');
    const download = verifiedDownload(url, secret, new Date());
    if (!download) return refuse(response, 403, 'This link is not valid, or it has expired.');
    const path = join(dir, download.file);
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) return refuse(response, 404, 'This export is gone (exports are kept for a day).');
    response.writeHead(200, {
      'content-type': download.contentType,
      'content-length': size,
      'content-disposition': `attachment; filename="${download.name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    await pipeline(createReadStream(path), response);
    return true;
  };
}
