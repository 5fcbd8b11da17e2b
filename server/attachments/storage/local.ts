import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AttachmentStorage } from "@/server/attachments/storage";
import { isValidStorageKey } from "@/server/attachments/storage-key";

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
    for await (const file of this.walk()) {
      if (file.modified >= before) continue;
      // A write that a crash cut short: never renamed into place, never read.
      if (file.partial) await unlink(file.path).catch(() => undefined);
      else yield file.key;
    }
  }

  /** Every stored file with its size; writes in progress are not files yet. */
  async *files(): AsyncIterable<{ key: string; size: number }> {
    for await (const file of this.walk()) if (!file.partial) yield { key: file.key, size: file.size };
  }

  private async *walk() {
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
      if (!info?.isFile()) continue;
      yield {
        path: file,
        key: entry.split(path.sep).join("/"),
        size: info.size,
        modified: info.mtime,
        partial: file.endsWith(".partial"),
      };
    }
  }
}
