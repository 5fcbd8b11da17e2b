import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { AttachmentStorage } from "@/server/attachments/storage";
import { isValidStorageKey } from "@/server/attachments/storage-key";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain (environment, shared config, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A folder of the bucket, without slashes at either end; "" for the whole bucket. */
  prefix: string;
};

// S3's smallest part: one part buffered while the previous one is sent bounds an upload's memory
// to about 10 MB, whatever the file's size.
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph RGW) through the AWS SDK.
 * A crash mid-upload can leave an unfinished multipart upload behind: the bucket's lifecycle rule
 * AbortIncompleteMultipartUpload removes those (every store named above supports it).
 */
export class S3Storage implements AttachmentStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(config: S3StorageConfig) {
    // Documented switch (aws-sdk-js-v3#7983): the SDK warns on every start that it will require
    // Node 22 from 2027; package.json's engines already says which Node this app runs on.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
    });
    this.bucket = config.bucket;
    this.prefix = config.prefix === "" ? "" : `${config.prefix}/`;
  }

  private objectKey(key: string): string {
    if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return this.prefix + key;
  }

  async put(key: string, body: Uint8Array | Readable): Promise<void> {
    // One PutObject for a body under a part, a multipart upload (aborted on failure) above.
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: body },
      partSize: PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    }).done();
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      if (!(object.Body instanceof Readable)) throw new Error(`S3 object ${key}: the body is not a stream`);
      return object.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  /** The stored object's size in bytes, or null when nothing is stored under the key. */
  async sizeOf(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return head.ContentLength ?? null;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *keysWrittenBefore(before: Date): AsyncIterable<string> {
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: this.prefix || undefined },
    );
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.prefix.length);
        // Only keys this app could have written; anything else in the bucket is left alone.
        if (!key || !isValidStorageKey(key) || !object.LastModified || object.LastModified >= before)
          continue;
        yield key;
      }
    }
  }
}
