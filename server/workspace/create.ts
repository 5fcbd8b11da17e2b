import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { WorkspaceSummary } from "@/server/workspace/schemas";

export const CreateWorkspaceInput = z.object({
  name: z.string().trim().min(1, "give the workspace a name").max(100),
  defaultLocale: z.enum(["en", "ar", "tr"]).default("en"),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>;

/** A URL-safe slug from the name (Latin letters kept, the rest dropped) and a random tail: never a clash. */
function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "workspace"}-${randomBytes(3).toString("hex")}`;
}

/** A new workspace with `userId` as its owner, inside the caller's transaction. */
export async function createWorkspaceIn(
  tx: Prisma.TransactionClient,
  userId: string,
  params: CreateWorkspaceInput,
): Promise<WorkspaceSummary & { memberId: string }> {
  const input = CreateWorkspaceInput.parse(params);
  const workspace = await tx.workspace.create({
    data: { name: input.name, slug: slugFor(input.name), defaultLocale: input.defaultLocale },
    select: { id: true, name: true, slug: true },
  });
  const member = await tx.member.create({
    data: { workspaceId: workspace.id, userId, role: "owner" },
    select: { id: true },
  });
  return { ...workspace, memberId: member.id };
}

/** A signed-in person starts a workspace of their own and owns it. */
export async function createWorkspace(
  db: Db,
  userId: string,
  input: CreateWorkspaceInput,
): Promise<WorkspaceSummary> {
  const { memberId: _memberId, ...workspace } = await db.$transaction((tx) =>
    createWorkspaceIn(tx, userId, input),
  );
  return workspace;
}
