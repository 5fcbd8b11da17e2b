import { TRPCError } from "@trpc/server";
import {
  type AgentConfigOutput,
  type AgentIdInput,
  AgentSettings,
  type CreateAgentInput,
  type UpdateAgentInput,
} from "@/server/ai/schemas";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { aiApiKey } from "@/server/env";
import { notFound } from "@/server/trpc/errors";

const agentConfigSelect = {
  id: true,
  name: true,
  provider: true,
  model: true,
  baseUrl: true,
  apiKeyEnv: true,
  instructions: true,
  mode: true,
  internal: true,
  isDefault: true,
  settings: true,
} satisfies Prisma.AiAgentSelect;

type AgentConfigRow = Prisma.AiAgentGetPayload<{ select: typeof agentConfigSelect }>;

function toAgentConfig(row: AgentConfigRow): AgentConfigOutput {
  const settings = AgentSettings.safeParse(row.settings ?? {});
  return {
    ...row,
    apiKeyConfigured: row.apiKeyEnv ? aiApiKey(row.apiKeyEnv) !== undefined : false,
    settings: settings.success ? settings.data : {},
  };
}

type ProviderFields = Pick<AgentConfigRow, "provider" | "model" | "baseUrl" | "apiKeyEnv">;

/** What each provider needs, checked on the agent as it will be stored. */
function checkProvider(agent: ProviderFields): void {
  const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });
  switch (agent.provider) {
    case "builtin":
      if (agent.baseUrl) throw bad("baseUrl: the built-in agent calls no endpoint");
      if (agent.apiKeyEnv) throw bad("apiKeyEnv: the built-in agent needs no key");
      return;
    case "openai_compatible":
      if (!agent.baseUrl)
        throw bad("baseUrl: an OpenAI-compatible agent needs its endpoint, e.g. https://api.openai.com/v1");
      return;
    case "anthropic":
      if (!agent.apiKeyEnv) throw bad("apiKeyEnv: an Anthropic agent needs the name of its key's variable");
      return;
  }
}

function conflictOnName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "name: another agent of this workspace has this name" });
  }
  throw error;
}

function settingsData(settings: AgentSettings | null | undefined) {
  if (settings === undefined) return {};
  return { settings: settings === null ? Prisma.DbNull : settings };
}

/** Every agent's configuration, the default first. */
export async function listAgentConfigs(db: Db, caller: Caller): Promise<AgentConfigOutput[]> {
  const rows = await db.aiAgent.findMany({
    where: { workspaceId: caller.workspaceId },
    select: agentConfigSelect,
    orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(toAgentConfig);
}

/** Creates an agent; the workspace's first agent, or one created with isDefault, becomes the default. */
export async function createAgent(
  db: Db,
  caller: Caller,
  input: CreateAgentInput,
): Promise<AgentConfigOutput> {
  const { workspaceId } = caller;
  const fields = {
    provider: input.provider,
    model: input.model ?? (input.provider === "builtin" ? "builtin" : ""),
    baseUrl: input.baseUrl ?? null,
    apiKeyEnv: input.apiKeyEnv ?? null,
  };
  if (!fields.model)
    throw new TRPCError({ code: "BAD_REQUEST", message: "model: name the provider's model" });
  checkProvider(fields);
  try {
    return await db.$transaction(async (tx) => {
      const hasDefault = (await tx.aiAgent.count({ where: { workspaceId, isDefault: true } })) > 0;
      const isDefault = input.isDefault || !hasDefault;
      if (isDefault)
        await tx.aiAgent.updateMany({ where: { workspaceId, isDefault: true }, data: { isDefault: false } });
      const row = await tx.aiAgent.create({
        data: {
          workspaceId,
          name: input.name,
          ...fields,
          instructions: input.instructions,
          mode: input.mode,
          internal: input.internal,
          isDefault,
          ...settingsData(input.settings),
        },
        select: agentConfigSelect,
      });
      return toAgentConfig(row);
    });
  } catch (error) {
    conflictOnName(error);
  }
}

/** Changes the fields given; null clears baseUrl, apiKeyEnv or settings. */
export async function updateAgent(
  db: Db,
  caller: Caller,
  input: UpdateAgentInput,
): Promise<AgentConfigOutput> {
  const { workspaceId } = caller;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.aiAgent.findFirst({
        where: { id: input.id, workspaceId },
        select: agentConfigSelect,
      });
      if (!current) throw notFound("id", "AI agent");
      const fields = {
        provider: input.provider ?? current.provider,
        model: input.model ?? current.model,
        baseUrl: input.baseUrl === undefined ? current.baseUrl : input.baseUrl,
        apiKeyEnv: input.apiKeyEnv === undefined ? current.apiKeyEnv : input.apiKeyEnv,
      };
      checkProvider(fields);
      if (input.isDefault) {
        await tx.aiAgent.updateMany({
          where: { workspaceId, isDefault: true, id: { not: current.id } },
          data: { isDefault: false },
        });
      }
      const row = await tx.aiAgent.update({
        where: { id: current.id },
        data: {
          ...fields,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.instructions !== undefined ? { instructions: input.instructions } : {}),
          ...(input.mode !== undefined ? { mode: input.mode } : {}),
          ...(input.internal !== undefined ? { internal: input.internal } : {}),
          ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
          ...settingsData(input.settings),
        },
        select: agentConfigSelect,
      });
      return toAgentConfig(row);
    });
  } catch (error) {
    conflictOnName(error);
  }
}

/**
 * Deletes an agent and its runs. An agent that has posted messages stays: they show its name,
 * so it can be renamed or stop being the default, not removed.
 */
export async function deleteAgent(db: Db, caller: Caller, { id }: AgentIdInput): Promise<{ id: string }> {
  const { workspaceId } = caller;
  return db.$transaction(async (tx) => {
    const agent = await tx.aiAgent.findFirst({ where: { id, workspaceId }, select: { id: true } });
    if (!agent) throw notFound("id", "AI agent");
    const posted = await tx.message.count({ where: { workspaceId, senderAgentId: agent.id } });
    if (posted > 0) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `id: this agent has posted ${posted} message(s), which show its name; rename it or unset its default instead`,
      });
    }
    await tx.aiRun.deleteMany({ where: { workspaceId, agentId: agent.id } });
    await tx.aiAgent.delete({ where: { id: agent.id } });
    return { id: agent.id };
  });
}
