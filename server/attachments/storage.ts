import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/server/env";

/**
 * Where attachment bytes live. Keys are opaque `a/b/c` paths chosen by the server, so an
 * object store (S3, R2, MinIO) can implement this with PutObject / GetObject / DeleteObject.
 */
export interface AttachmentStorage {
  put(key: string, body: Uint8Array | Readable): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isValidStorageKey(key: string): boolean {
  const segments = key.split("/");
  return segments.length <= 8 && segments.every((segment) => KEY_SEGMENT.test(segment));
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

/** Files under one directory; a key can never name a path outside it. */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const file = path.resolve(this.root, ...key.split("/"));
    if (!file.startsWith(this.root + path.sep))
      throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return file;
  }

  async put(key: string, body: Uint8Array | Readable): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside the target and renamed, so a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
    try {
      if (body instanceof Readable) await pipeline(body, createWriteStream(partial, { flags: "wx" }));
      else await writeFile(partial, body, { flag: "wx" });
      await rename(partial, file);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissingFile(error)) throw error;
    }
  }
}

let configured: AttachmentStorage | undefined;

/** The store the app is configured with: the local disk under STORAGE_DIR. */
export function attachmentStorage(): AttachmentStorage {
  configured ??= new LocalDiskStorage(env().STORAGE_DIR);
  return configured;
}
