import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll } from "vitest";
import type { S3StorageConfig } from "@/server/attachments/storage/s3";

export type TestS3Server = {
  /** How the app reaches the bucket, as STORAGE_DRIVER=s3 would configure it. */
  config: S3StorageConfig;
  /** The same as environment variables, for a server process or server/env.ts. */
  env: Record<string, string>;
  close: () => Promise<void>;
};

// s3rver's fixed credentials: it checks every request's SigV4 signature against them.
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

/**
 * A real S3-compatible server (s3rver, in this process) on 127.0.0.1 and a random port, its objects
 * in a temporary directory removed on close, with one empty bucket.
 */
export async function startTestS3Server(bucket = "attachments"): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "connect-inbox-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    config: {
      bucket,
      region: "us-east-1",
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      prefix: "",
    },
    env: {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** One server for the calling test file: started before its tests, closed after them. */
export function testS3ServerForThisFile(): () => TestS3Server {
  let server: TestS3Server | undefined;
  beforeAll(async () => {
    server = await startTestS3Server();
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error("the test S3 server is not started yet");
    return server;
  };
}

/** A stored object's bytes, or null where the store had none. */
export async function bytesOf(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
