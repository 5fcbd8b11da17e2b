import type { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { type AttachmentStorage, attachmentStorage } from "@/server/attachments/storage";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { findInputProblem } from "@/server/limits/input-check";
import { notFound } from "@/server/trpc/errors";

const downloadSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  checksum: true,
  storageKey: true,
} satisfies Prisma.AttachmentSelect;

export type DownloadableAttachment = Prisma.AttachmentGetPayload<{ select: typeof downloadSelect }>;

/** An attachment of the caller's workspace and its bytes; any other id is NOT_FOUND. */
export async function getAttachmentForDownload(
  db: Db,
  caller: Caller,
  id: string,
  storage: AttachmentStorage = attachmentStorage(),
): Promise<{ attachment: DownloadableAttachment; body: Readable }> {
  const problem = findInputProblem({ id });
  if (problem)
    throw new TRPCError({ code: "BAD_REQUEST", message: `${problem.path.join(".")}: ${problem.message}` });
  const attachment =
    id.length <= 100
      ? await db.attachment.findFirst({
          where: { id, workspaceId: caller.workspaceId },
          select: downloadSelect,
        })
      : null;
  if (!attachment) throw notFound("attachment", "attachment");
  const body = await storage.get(attachment.storageKey);
  if (!body) {
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `attachment ${attachment.id}: the stored file is missing`,
    });
  }
  return { attachment, body };
}
