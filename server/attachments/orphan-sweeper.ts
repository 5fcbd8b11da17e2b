import { attachmentStorage } from "@/server/attachments/storage";
import { removeOrphanBytes } from "@/server/attachments/sweep";
import { db } from "@/server/db/client";

const EVERY_MS = 60 * 60 * 1000;

/** In each app process: once shortly after start, then hourly. Any instance may do it; it is idempotent. */
export function sweepOrphanBytesHourly(): void {
  // Made now, so a storage setting the environment gets wrong stops the start, not the first upload.
  const storage = attachmentStorage();
  const sweep = () =>
    removeOrphanBytes(db(), storage)
      .then((removed) => {
        if (removed > 0) console.log(`attachments: removed ${removed} stored files that had no row`);
      })
      .catch((error: unknown) => console.error("attachments: orphan sweep failed", error));
  setTimeout(sweep, 60_000).unref();
  setInterval(sweep, EVERY_MS).unref();
}
