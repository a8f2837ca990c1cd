import { S3Client } from '@aws-sdk/client-s3';
import { fileExportStore } from '../adapters/file-export-store';
import { s3ExportStore } from '../adapters/s3-export-store';
import { env } from './env';
import { systemClock } from './runtime';

/** Where exports go, apart from runtime.ts so that only the exporting handler bundles S3. */
function exportStore() {
  const where = env().exports;
  if (!where) throw new Error('Neither EXPORT_BUCKET nor EXPORT_DIR with EXPORT_URL_SECRET is set');
  return 'bucket' in where
    ? s3ExportStore(new S3Client({}), where.bucket, systemClock)
    : fileExportStore(where.dir, env().publicBaseUrl, where.urlSecret, systemClock);
}

export const exportRuntime = { exports: exportStore() };
export type ExportRuntime = typeof exportRuntime;
