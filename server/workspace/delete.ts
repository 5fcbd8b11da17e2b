import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { AttachmentStorage } from "@/server/attachments/storage";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

export const DeleteWorkspaceInput = z.object({
  /** The workspace's name, typed by the owner: a deletion is never one stray click. */
  confirmName: z.string().max(200),
});
export type DeleteWorkspaceInput = z.infer<typeof DeleteWorkspaceInput>;

/**
 * Deletes the caller's workspace and everything in it (owners only): one statement whose
 * cascades remove members, conversations, messages, customers, keys, agents, runs, the audit log.
 * Attachment bytes go after the commit; any the process does not get to (a crash) have no row
 * left, so the orphan sweep (server/attachments/orphan-sweeper.ts) removes them later.
 */
export async function deleteWorkspace(
  db: Db,
  storage: AttachmentStorage,
  caller: Caller,
  input: DeleteWorkspaceInput,
): Promise<{ deletedAttachments: number }> {
  if (caller.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a workspace owner may delete it." });
  }
  const keys = await db.$transaction(
    async (tx) => {
      // Locks the row: two deletions (or a rename racing one) take turns.
      const [workspace] = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM "Workspace" WHERE id = ${caller.workspaceId} FOR UPDATE`;
      if (!workspace) throw notFound("workspaceId", "workspace");
      if (input.confirmName !== workspace.name) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "confirmName: type the workspace's name exactly",
        });
      }
      const attachments = await tx.attachment.findMany({
        where: { workspaceId: caller.workspaceId },
        select: { storageKey: true },
      });
      // Webhook deliveries have no foreign key to cascade along (prisma/schema.prisma says why).
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { workspaceId: caller.workspaceId },
        select: { id: true },
      });
      await tx.webhookDelivery.deleteMany({
        where: { endpointId: { in: endpoints.map((e) => e.id) }, workspaceId: caller.workspaceId },
      });
      await tx.workspace.delete({ where: { id: caller.workspaceId }, select: { id: true } });
      return attachments.map((a) => a.storageKey);
    },
    { timeout: 120_000 },
  );
  for (const key of keys) {
    await storage
      .delete(key)
      .catch((error: unknown) => console.error(`workspace deletion: could not delete ${key}`, error));
  }
  return { deletedAttachments: keys.length };
}
