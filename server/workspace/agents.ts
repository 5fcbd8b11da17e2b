import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { AgentOutput } from "@/server/workspace/schemas";

// No provider connection, key, instructions or settings: members pick an agent, they do not configure it here.
const agentSelect = {
  id: true,
  name: true,
  provider: true,
  model: true,
  mode: true,
  isDefault: true,
  internal: true,
} satisfies Prisma.AiAgentSelect;

/** The workspace's AI agents, the default first. */
export async function listAgents(db: Db, caller: Caller): Promise<AgentOutput[]> {
  return db.aiAgent.findMany({
    where: { workspaceId: caller.workspaceId },
    select: agentSelect,
    orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
  });
}
