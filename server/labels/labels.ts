import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { CreateLabelInput, LabelIdInput, LabelOutput, UpdateLabelInput } from "@/server/labels/schemas";
import { notFound } from "@/server/trpc/errors";

const labelSelect = { id: true, name: true, color: true } satisfies Prisma.LabelSelect;

/** The unique index on lower(name) refused the write. */
function nameConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "name: another label of this workspace has this name" });
  }
  throw error;
}

export async function listLabels(db: Db, caller: Caller): Promise<LabelOutput[]> {
  return db.label.findMany({
    where: { workspaceId: caller.workspaceId },
    select: labelSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function createLabel(db: Db, caller: Caller, input: CreateLabelInput): Promise<LabelOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const label = await tx.label.create({
        data: { workspaceId: caller.workspaceId, ...input },
        select: labelSelect,
      });
      await recordAudit(tx, caller, {
        action: "label.created",
        target: { type: "label", id: label.id, label: label.name },
        data: { color: label.color },
      });
      return label;
    });
  } catch (error) {
    nameConflict(error);
  }
}

/** Renames or recolours a label. */
export async function updateLabel(
  db: Db,
  caller: Caller,
  { id, ...change }: UpdateLabelInput,
): Promise<LabelOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.label.findFirst({
        where: { id, workspaceId: caller.workspaceId },
        select: labelSelect,
      });
      if (!before) throw notFound("id", "label");
      const label = await tx.label.update({ where: { id: before.id }, data: change, select: labelSelect });
      const data: Record<string, { from: string; to: string }> = {};
      if (label.name !== before.name) data.name = { from: before.name, to: label.name };
      if (label.color !== before.color) data.color = { from: before.color, to: label.color };
      if (Object.keys(data).length > 0) {
        await recordAudit(tx, caller, {
          action: "label.updated",
          target: { type: "label", id: label.id, label: label.name },
          data,
        });
      }
      return label;
    });
  } catch (error) {
    nameConflict(error);
  }
}

export async function deleteLabel(db: Db, caller: Caller, { id }: LabelIdInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const label = await tx.label.findFirst({
      where: { id, workspaceId: caller.workspaceId },
      select: labelSelect,
    });
    if (!label) throw notFound("id", "label");
    await tx.label.delete({ where: { id: label.id }, select: { id: true } });
    await recordAudit(tx, caller, {
      action: "label.deleted",
      target: { type: "label", id: label.id, label: label.name },
      data: { color: label.color },
    });
  });
}
