import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import { LOCALES } from "@/server/connect/locales";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type {
  CreateTemplateInput,
  TemplateIdInput,
  TemplateSettingsOutput,
  UpdateTemplateInput,
} from "@/server/templates/schemas";
import { variablePaths } from "@/server/templates/variables";
import { notFound } from "@/server/trpc/errors";
import { textPerLocale } from "@/server/workspace/templates";

type Tx = Prisma.TransactionClient;

const templateSelect = {
  id: true,
  name: true,
  content: true,
  updatedAt: true,
} satisfies Prisma.TemplateSelect;
type TemplateRow = Prisma.TemplateGetPayload<{ select: typeof templateSelect }>;

function toTemplateOutput(row: TemplateRow): TemplateSettingsOutput {
  const content = textPerLocale(row.content);
  const placeholders = [...new Set(LOCALES.flatMap((locale) => variablePaths(content[locale] ?? "")))];
  return { id: row.id, name: row.name, content, placeholders, updatedAt: row.updatedAt.toISOString() };
}

/** The partial unique index on lower(name) among live templates refused the write. */
function nameConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new TRPCError({
      code: "CONFLICT",
      message: "name: another template of this workspace has this name",
    });
  }
  throw error;
}

/** A live template of the caller's workspace; a deleted one is as gone as one that never was. */
async function findTemplate(tx: Tx, caller: Caller, id: string): Promise<TemplateRow> {
  const row = await tx.template.findFirst({
    where: { id, workspaceId: caller.workspaceId, deletedAt: null },
    select: templateSelect,
  });
  if (!row) throw notFound("id", "template");
  return row;
}

export async function listTemplateSettings(db: Db, caller: Caller): Promise<TemplateSettingsOutput[]> {
  const rows = await db.template.findMany({
    where: { workspaceId: caller.workspaceId, deletedAt: null },
    select: templateSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toTemplateOutput);
}

export async function createTemplate(
  db: Db,
  caller: Caller,
  input: CreateTemplateInput,
): Promise<TemplateSettingsOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.template.create({
        data: { workspaceId: caller.workspaceId, name: input.name, content: input.content },
        select: templateSelect,
      });
      await recordAudit(tx, caller, {
        action: "template.created",
        target: { type: "template", id: row.id, label: row.name },
        data: { locales: Object.keys(input.content) },
      });
      return toTemplateOutput(row);
    });
  } catch (error) {
    nameConflict(error);
  }
}

/** Renames a template or replaces its bodies (all of them: a locale left out has no body any more). */
export async function updateTemplate(
  db: Db,
  caller: Caller,
  { id, name, content }: UpdateTemplateInput,
): Promise<TemplateSettingsOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await findTemplate(tx, caller, id);
      const row = await tx.template.update({
        where: { id: before.id },
        data: { name, content },
        select: templateSelect,
      });
      const beforeContent = textPerLocale(before.content);
      const changed = {
        ...(name !== undefined && name !== before.name ? { name: { from: before.name, to: name } } : {}),
        ...(content
          ? {
              locales: LOCALES.filter(
                (locale) => (content[locale] ?? null) !== (beforeContent[locale] ?? null),
              ),
            }
          : {}),
      };
      if (changed.name || (changed.locales && changed.locales.length > 0)) {
        await recordAudit(tx, caller, {
          action: "template.updated",
          target: { type: "template", id: row.id, label: row.name },
          data: changed,
        });
      }
      return toTemplateOutput(row);
    });
  } catch (error) {
    nameConflict(error);
  }
}

/**
 * Soft delete: gone from the `/` picker, the list and the API's `templateId` (refused like an
 * unknown id); messages sent from it keep their link, and its name is free again.
 */
export async function deleteTemplate(db: Db, caller: Caller, { id }: TemplateIdInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findTemplate(tx, caller, id);
    await tx.template.update({
      where: { id: row.id },
      data: { deletedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, caller, {
      action: "template.deleted",
      target: { type: "template", id: row.id, label: row.name },
    });
  });
}
