import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { EXPORT_LINK_SECONDS, type ExportStore } from '../../shared/export/ports';
import type { Clock } from '../../shared/ports';

/** Parts of 5 MB (S3's smallest), two in flight: the upload holds about 10 MB however large the export. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Exports in AWS: streamed into the bucket (one PUT when small, a multipart upload otherwise) under a random key, and
 * downloaded through a presigned URL, so no file meets Lambda's 6 MB response limit. The bucket encrypts at rest.
 */
export function s3ExportStore(client: S3Client, bucket: string, clock: Clock): ExportStore {
  return {
    async save({ name, contentType, body }) {
      const key = `exports/${randomUUID()}/${name}`;
      await new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: key,
          Body: Readable.from(body),
          ContentType: contentType,
          ContentDisposition: `attachment; filename="${name}"`,
        },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      }).done();
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: EXPORT_LINK_SECONDS,
      });
      return { url, expiresAt: new Date(clock.now().getTime() + EXPORT_LINK_SECONDS * 1000).toISOString() };
    },
  };
}
