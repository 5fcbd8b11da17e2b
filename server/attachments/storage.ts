import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
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
  /**
   * Every key written before `before`, for the sweep of bytes whose row never came (a crash
   * between writing the bytes and the row). Also drops the store's own leftovers that old.
   */
  keysWrittenBefore(before: Date): AsyncIterable<string>;
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

  async *keysWrittenBefore(before: Date): AsyncIterable<string> {
    let entries: string[];
    try {
      entries = await readdir(this.root, { recursive: true });
    } catch (error) {
      if (isMissingFile(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const file = path.join(this.root, entry);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.mtime >= before) continue;
      // A write that a crash cut short: never renamed into place, never read.
      if (file.endsWith(".partial")) await unlink(file).catch(() => undefined);
      else yield entry.split(path.sep).join("/");
    }
  }
}

let configured: AttachmentStorage | undefined;

/** The store the app is configured with: the local disk under STORAGE_DIR. */
export function attachmentStorage(): AttachmentStorage {
  configured ??= new LocalDiskStorage(env().STORAGE_DIR);
  return configured;
}
