import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { notFound } from "@/server/trpc/errors";

type Reader = Db | Prisma.TransactionClient;

/** The agent asked for, else the workspace's default; NOT_FOUND for another workspace's id. */
export async function findAgentOrDefault(
  db: Reader,
  workspaceId: string,
  agentId: string | null | undefined,
) {
  const select = { id: true, provider: true, mode: true } satisfies Prisma.AiAgentSelect;
  if (agentId) {
    const agent = await db.aiAgent.findFirst({ where: { id: agentId, workspaceId }, select });
    if (!agent) throw notFound("agentId", "AI agent");
    return agent;
  }
  const agent = await db.aiAgent.findFirst({
    where: { workspaceId, isDefault: true },
    select,
    orderBy: { createdAt: "asc" },
  });
  if (!agent) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "agentId: this workspace has no default AI agent; name one, or ask an admin to set a default",
    });
  }
  return agent;
}
