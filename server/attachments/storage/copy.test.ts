import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { S3Storage } from "@/server/attachments/storage/s3";
import { bytesOf, testS3ServerForThisFile } from "@/server/attachments/testing/s3-server";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const s3 = testS3ServerForThisFile();

/** `npm run storage:copy` as an operator runs it, with its exit code and what it printed. */
async function copyCommand(env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/storage-copy.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe("npm run storage:copy", () => {
  it("copies a local store into the bucket once, skips what is there on a second run, and fails loudly", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "storage-copy-"));
    const local = new LocalDiskStorage(dir);
    const bucket = new S3Storage({ ...s3().config, prefix: "copied" });
    const files = {
      "ws-1/photo": randomBytes(7 * 1024 * 1024),
      "ws-1/already-there": Buffer.from("same size in the bucket"),
      "ws-2/stale-in-bucket": Buffer.from("the whole file"),
    };
    for (const [key, bytes] of Object.entries(files)) await local.put(key, bytes);
    // A write in progress is not a file yet.
    await writeFile(path.join(dir, "ws-2", "upload.abc123.partial"), "half");
    await bucket.put("ws-1/already-there", Buffer.from("SAME SIZE IN THE BUCKET"));
    await bucket.put("ws-2/stale-in-bucket", Buffer.from("the wh"));

    const env = { ...s3().env, STORAGE_DRIVER: "local", STORAGE_DIR: dir, S3_PREFIX: "copied" };
    const first = await copyCommand(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("2 copied, 1 already in the bucket, 0 failed.");
    // Compared with equals: the matcher's deep equality takes tens of seconds over 7 MB.
    expect((await bytesOf(await bucket.get("ws-1/photo")))?.equals(files["ws-1/photo"])).toBe(true);
    expect(await bytesOf(await bucket.get("ws-2/stale-in-bucket"))).toEqual(files["ws-2/stale-in-bucket"]);
    const keys: string[] = [];
    for await (const key of bucket.keysWrittenBefore(new Date(Date.now() + 60_000))) keys.push(key);
    expect(keys.sort()).toEqual(Object.keys(files).sort());

    const again = await copyCommand(env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 copied, 3 already in the bucket, 0 failed.");

    const nowhere = await copyCommand({ ...env, S3_BUCKET: "no-such-bucket" });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stdout).toContain("0 copied, 0 already in the bucket, 3 failed.");
  });
});
