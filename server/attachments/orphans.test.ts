import { mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/server/attachments/storage/local";
import { removeOrphanBytes } from "@/server/attachments/sweep";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/test/fixtures";

const TWO_HOURS_AGO = new Date(Date.now() - 2 * 60 * 60 * 1000);

describe("bytes whose upload crashed before its row was written", () => {
  it("are deleted after the grace period; bytes with a row and recent bytes stay", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "connect-inbox-orphans-"));
    const storage = new LocalDiskStorage(root);
    const ws = await createTestWorkspace();
    const kept = `${ws.workspaceId}/kept`;
    const orphan = `${ws.workspaceId}/orphan`;
    const recent = `${ws.workspaceId}/recent`;
    for (const key of [kept, orphan, recent]) await storage.put(key, Buffer.from(key));
    await db().attachment.create({
      data: {
        workspaceId: ws.workspaceId,
        fileName: "kept.txt",
        mimeType: "text/plain",
        size: 4,
        checksum: "x",
        storageKey: kept,
        uploaderMemberId: ws.owner.memberId,
      },
      select: { id: true },
    });
    // A write a crash cut short leaves a .partial file beside the keys.
    const partial = path.join(root, ws.workspaceId, "cut.abc123.partial");
    await writeFile(partial, "half");
    for (const file of [kept, orphan].map((key) => path.join(root, ...key.split("/"))).concat(partial)) {
      await utimes(file, TWO_HOURS_AGO, TWO_HOURS_AGO);
    }

    expect(await removeOrphanBytes(db(), storage)).toBe(1);
    expect((await readdir(path.join(root, ws.workspaceId))).sort()).toEqual(["kept", "recent"]);
    expect(await storage.get(orphan)).toBeNull();
  });
});
