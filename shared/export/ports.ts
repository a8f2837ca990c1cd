/** A file written as it is made, never whole in memory: the export of every response. */
export interface ExportFile {
  /** What the download is saved as. */
  readonly name: string;
  readonly contentType: string;
  readonly body: AsyncIterable<Uint8Array>;
}

/** Where an export waits to be downloaded: S3 in AWS (a presigned URL), a folder locally (a signed gateway URL). */
export interface ExportStore {
  /** Stores the file as its body streams, then answers a download URL that works until `expiresAt`, without a token. */
  save(file: ExportFile): Promise<{ readonly url: string; readonly expiresAt: string }>;
}

/** How long a download link works: long enough to click, short enough that a forwarded link soon stops working. */
export const EXPORT_LINK_SECONDS = 15 * 60;
/** Exports are copies made for one download; the table keeps the responses. The bucket's lifecycle deletes them after this. */
export const EXPORT_KEPT_DAYS = 1;
