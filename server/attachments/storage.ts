import type { Readable } from "node:stream";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { S3Storage, type S3StorageConfig } from "@/server/attachments/storage/s3";
import { type Env, env } from "@/server/env";

/**
 * Where attachment bytes live. Keys are opaque `a/b/c` paths chosen by the server
 * (server/attachments/storage-key.ts); the drivers are in server/attachments/storage/.
 */
export interface AttachmentStorage {
  put(key: string, body: Uint8Array | Readable): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Every key written before `before`, for the sweep of bytes whose row never came (a crash
   * between writing the bytes and the row). Also drops the store's own leftovers that old.
   */
  keysWrittenBefore(before: Date): AsyncIterable<string>;
}

let configured: AttachmentStorage | undefined;

/** The store the app is configured with: STORAGE_DRIVER's local disk or S3-compatible bucket. */
export function attachmentStorage(): AttachmentStorage {
  configured ??= storageFromEnv();
  return configured;
}

function storageFromEnv(): AttachmentStorage {
  const vars = env();
  return vars.STORAGE_DRIVER === "s3"
    ? new S3Storage(s3ConfigFromEnv(vars))
    : new LocalDiskStorage(vars.STORAGE_DIR);
}

/** The bucket the S3_* variables name, whichever driver is in use (`npm run storage:copy` fills it). */
export function s3ConfigFromEnv(vars: Env): S3StorageConfig {
  if (!vars.S3_BUCKET) throw new Error("Invalid environment: S3_BUCKET: required for an S3-compatible store");
  return {
    bucket: vars.S3_BUCKET,
    region: vars.S3_REGION,
    endpoint: vars.S3_ENDPOINT,
    forcePathStyle: vars.S3_FORCE_PATH_STYLE,
    credentials:
      vars.S3_ACCESS_KEY_ID && vars.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: vars.S3_ACCESS_KEY_ID, secretAccessKey: vars.S3_SECRET_ACCESS_KEY }
        : undefined,
    prefix: vars.S3_PREFIX,
  };
}
