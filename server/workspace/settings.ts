import { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

export const WorkspaceLocale = z.enum(["en", "ar", "tr"]);

export const WorkspaceSettingsOutput = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: WorkspaceLocale,
  /** A member's reply to an unassigned conversation assigns it to them. */
  autoAssignOnReply: z.boolean(),
  createdAt: z.string(),
});
export type WorkspaceSettingsOutput = z.infer<typeof WorkspaceSettingsOutput>;

export const UpdateWorkspaceInput = z.object({
  name: z.string().trim().min(1, "give the workspace a name").max(100).optional(),
  defaultLocale: WorkspaceLocale.optional(),
  autoAssignOnReply: z.boolean().optional(),
});
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;

const settingsSelect = {
  id: true,
  name: true,
  slug: true,
  defaultLocale: true,
  autoAssignOnReply: true,
  createdAt: true,
} as const;

function toOutput(row: {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  autoAssignOnReply: boolean;
  createdAt: Date;
}) {
  return {
    ...row,
    defaultLocale: WorkspaceLocale.catch("en").parse(row.defaultLocale),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getWorkspaceSettings(db: Db, caller: Caller): Promise<WorkspaceSettingsOutput> {
  const row = await db.workspace.findUnique({ where: { id: caller.workspaceId }, select: settingsSelect });
  if (!row) throw notFound("workspaceId", "workspace");
  return toOutput(row);
}

/**
 * Renames the workspace, changes the language its mail is written in, or turns auto-assign on
 * reply on or off (owners and admins).
 */
export async function updateWorkspace(
  db: Db,
  caller: Caller,
  input: UpdateWorkspaceInput,
): Promise<WorkspaceSettingsOutput> {
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: caller.workspaceId },
      select: settingsSelect,
    });
    if (!before) throw notFound("workspaceId", "workspace");
    const row = await tx.workspace.update({
      where: { id: caller.workspaceId },
      data: input,
      select: settingsSelect,
    });
    if (input.name !== undefined && input.name !== before.name) {
      await recordAudit(tx, caller, {
        action: "workspace.renamed",
        target: { type: "workspace", id: row.id, label: row.name },
        data: { from: before.name, to: row.name },
      });
    }
    if (input.defaultLocale !== undefined && input.defaultLocale !== before.defaultLocale) {
      await recordAudit(tx, caller, {
        action: "workspace.default_language_changed",
        target: { type: "workspace", id: row.id, label: row.name },
        data: { from: before.defaultLocale, to: row.defaultLocale },
      });
    }
    if (input.autoAssignOnReply !== undefined && input.autoAssignOnReply !== before.autoAssignOnReply) {
      await recordAudit(tx, caller, {
        action: "workspace.auto_assign_changed",
        target: { type: "workspace", id: row.id, label: row.name },
        data: { from: before.autoAssignOnReply, to: row.autoAssignOnReply },
      });
    }
    return toOutput(row);
  });
}
