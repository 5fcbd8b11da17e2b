import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { type StoredFile, storeUploadedFile, type UploadedFile } from "@/server/attachments/intake";
import { type AttachmentPolicy, attachmentPolicy } from "@/server/attachments/policy";
import { type AttachmentStorage, attachmentStorage } from "@/server/attachments/storage";
import { removeUnsentUploads } from "@/server/attachments/sweep";
import type { Caller } from "@/server/auth/caller";
import { attachmentUrl } from "@/server/connect/message-select";
import type { AttachmentOutput } from "@/server/connect/schemas";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

export const attachmentSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
} satisfies Prisma.AttachmentSelect;

/**
 * Streams each file into storage as it arrives, then records them all in one transaction: either
 * every file of the request becomes an attachment or none does, and no bytes outlive a failure
 * (a refused file, a broken request, a failed write). The attachments belong to no message until
 * a send claims them.
 */
export async function uploadAttachments(
  db: Db,
  caller: Caller,
  files: Iterable<UploadedFile> | AsyncIterable<UploadedFile>,
  options: { policy?: AttachmentPolicy; storage?: AttachmentStorage } = {},
): Promise<AttachmentOutput[]> {
  const policy = options.policy ?? attachmentPolicy();
  const storage = options.storage ?? attachmentStorage();
  const written: string[] = [];
  const stored: (StoredFile & { storageKey: string })[] = [];
  const tally = { bytes: 0 };
  let rows: Omit<AttachmentOutput, "url">[];
  try {
    for await (const file of files) {
      if (stored.length === policy.maxFiles) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `file: more than ${policy.maxFiles} files sent; one upload takes at most ${policy.maxFiles}.`,
        });
      }
      const storageKey = `${caller.workspaceId}/${randomUUID()}`;
      written.push(storageKey);
      stored.push({ ...(await storeUploadedFile(storage, storageKey, file, policy, tally)), storageKey });
    }
    if (stored.length === 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: 'file: attach at least one file in the "file" field.',
      });
    }
    rows = await db.$transaction(
      stored.map((file) =>
        db.attachment.create({
          data: {
            workspaceId: caller.workspaceId,
            uploaderMemberId: caller.memberId,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.size,
            checksum: file.checksum,
            storageKey: file.storageKey,
          },
          select: attachmentSelect,
        }),
      ),
    );
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  // Best effort, after this upload is safe: a failure here must not fail the upload.
  await removeUnsentUploads(db, storage, caller.workspaceId).catch((error: unknown) =>
    console.error("attachments: sweeping unsent uploads failed", error),
  );
  return rows.map((row) => ({ ...row, url: attachmentUrl(row.id) }));
}
