import { createHash, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { AttachmentStorage } from "@/server/attachments/storage";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { S3Storage } from "@/server/attachments/storage/s3";
import { bytesOf, testS3ServerForThisFile } from "@/server/attachments/testing/s3-server";

const s3 = testS3ServerForThisFile();

async function keysBefore(storage: AttachmentStorage, offsetMs: number): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.keysWrittenBefore(new Date(Date.now() + offsetMs))) keys.push(key);
  return keys.sort();
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The bytes in 64 KB chunks, as a request body arrives. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
  );
}

const drivers: [string, () => Promise<AttachmentStorage>][] = [
  ["local disk", async () => new LocalDiskStorage(await mkdtemp(path.join(tmpdir(), "storage-contract-")))],
  ["S3", async () => new S3Storage({ ...s3().config, prefix: `run-${randomBytes(4).toString("hex")}` })],
];

describe.each(drivers)("the %s store", (_name, makeStorage) => {
  it("gives back what was put, from bytes or a stream, and null once deleted or never stored", async () => {
    const storage = await makeStorage();
    await storage.put("ws/small", new Uint8Array([1, 2, 3]));
    expect(await bytesOf(await storage.get("ws/small"))).toEqual(Buffer.from([1, 2, 3]));

    // Larger than one S3 part, so the S3 driver goes through a multipart upload.
    const large = randomBytes(12 * 1024 * 1024 + 17);
    await storage.put("ws/large", chunked(large));
    const read = await bytesOf(await storage.get("ws/large"));
    expect(read?.length).toBe(large.length);
    expect(sha256(read ?? new Uint8Array())).toBe(sha256(large));

    expect(await storage.get("ws/missing")).toBeNull();
    await storage.delete("ws/missing");
    await storage.delete("ws/small");
    expect(await storage.get("ws/small")).toBeNull();
  });

  it("stores nothing under the key when the stream fails part way", async () => {
    const storage = await makeStorage();
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(6 * 1024 * 1024);
        throw new Error("the client went away");
      })(),
    );
    await expect(storage.put("ws/cut", failing)).rejects.toThrow();
    expect(await storage.get("ws/cut")).toBeNull();
    expect(await keysBefore(storage, 60_000)).toEqual([]);
  });

  it("lists the keys written before a moment, and none written after it", async () => {
    const storage = await makeStorage();
    await storage.put("ws-a/one", Buffer.from("one"));
    await storage.put("ws-b/two", Buffer.from("two"));
    const later = await keysBefore(storage, 60_000);
    expect(later).toEqual(["ws-a/one", "ws-b/two"]);
    expect(await keysBefore(storage, -60_000)).toEqual([]);
  });

  it("refuses keys that could name something outside the store", async () => {
    const storage = await makeStorage();
    for (const key of ["../escape", "a/../../b", "/etc/passwd", "a//b", ".hidden", "a\\b", ""]) {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow("Invalid storage key");
      await expect(storage.get(key)).rejects.toThrow("Invalid storage key");
    }
  });
});

describe("the S3 store's prefix", () => {
  it("keeps the app's keys under its folder and leaves the rest of the bucket alone", async () => {
    const outside = new S3Storage(s3().config);
    const inside = new S3Storage({ ...s3().config, prefix: "tenant-files/attachments" });
    await outside.put("someone-else/file", Buffer.from("not ours"));
    await inside.put("ws/file", Buffer.from("ours"));
    expect(await bytesOf(await outside.get("tenant-files/attachments/ws/file"))).toEqual(Buffer.from("ours"));
    const listed = await keysBefore(inside, 60_000);
    expect(listed).toEqual(["ws/file"]);
  });
});
