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
