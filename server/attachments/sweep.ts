import type { AttachmentStorage } from "@/server/attachments/storage";
import type { Db } from "@/server/db/client";

/** An upload no send has claimed for this long is taken as abandoned (a draft discarded or lost). */
export const UNSENT_UPLOAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Removes a workspace's uploads that no message claimed within the TTL: the row first, guarded by
 * `messageId IS NULL` so a send claiming it at the same moment wins, then its bytes. Bounded per
 * call; run after each upload, so storage is reclaimed where uploads happen, on any instance.
 */
export async function removeUnsentUploads(
  db: Db,
  storage: AttachmentStorage,
  workspaceId: string,
  options: { now?: Date; ttlMs?: number; limit?: number } = {},
): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.ttlMs ?? UNSENT_UPLOAD_TTL_MS));
  const stale = await db.attachment.findMany({
    where: { workspaceId, messageId: null, createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true, storageKey: true },
  });
  let removed = 0;
  for (const upload of stale) {
    const deleted = await db.attachment.deleteMany({
      where: { id: upload.id, workspaceId, messageId: null },
    });
    if (deleted.count === 0) continue;
    removed += 1;
    await storage
      .delete(upload.storageKey)
      .catch((error: unknown) => console.error(`attachments: could not delete ${upload.storageKey}`, error));
  }
  return removed;
}

/** Bytes younger than this may still be waiting for their row (an upload in progress). */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes stored bytes that no attachment row names: an upload writes its bytes, then its row, so
 * a crash in between leaves bytes nobody can reach. Only bytes older than the grace period, so an
 * upload in progress on any instance keeps its own. Returns how many it deleted.
 */
export async function removeOrphanBytes(
  db: Db,
  storage: AttachmentStorage,
  options: { now?: Date; graceMs?: number } = {},
): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? ORPHAN_GRACE_MS));
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const rows = await db.attachment.findMany({
      where: { storageKey: { in: batch } },
      select: { storageKey: true },
    });
    const kept = new Set(rows.map((row) => row.storageKey));
    for (const key of batch) {
      if (kept.has(key)) continue;
      await storage.delete(key);
      removed += 1;
    }
    batch = [];
  };
  for await (const key of storage.keysWrittenBefore(before)) {
    batch.push(key);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  return removed;
}
