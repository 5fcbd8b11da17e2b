import { TRPCError } from "@trpc/server";
import { sealAgentKey, workspaceKeysEnabled } from "@/server/ai/agent-key";
import { findOperatorProvider } from "@/server/ai/operator-providers";
import {
  type AgentConfigOutput,
  type AgentIdInput,
  AgentSettings,
  type CreateAgentInput,
  type UpdateAgentInput,
} from "@/server/ai/schemas";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { env } from "@/server/env";
import { isRefusedOnItsFace } from "@/server/outbound/precheck";
import { notFound } from "@/server/trpc/errors";

// Never the key's ciphertext: apiKeyLast4 says whether there is one.
const agentConfigSelect = {
  id: true,
  name: true,
  provider: true,
  model: true,
  operatorProviderId: true,
  baseUrl: true,
  apiKeyLast4: true,
  blockedReason: true,
  instructions: true,
  mode: true,
  internal: true,
  isDefault: true,
  settings: true,
} satisfies Prisma.AiAgentSelect;

type AgentConfigRow = Prisma.AiAgentGetPayload<{ select: typeof agentConfigSelect }>;

function toAgentConfig(row: AgentConfigRow): AgentConfigOutput {
  const settings = AgentSettings.safeParse(row.settings ?? {});
  return { ...row, settings: settings.success ? settings.data : {} };
}

/** Where an agent's requests go and with which key, as it will be stored. */
type Connection = Pick<AgentConfigRow, "provider" | "operatorProviderId" | "baseUrl"> & { hasKey: boolean };

/** What each provider needs, checked on the agent as it will be stored. */
function checkConnection(agent: Connection): void {
  const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });
  if (agent.provider === "builtin") {
    if (agent.operatorProviderId) throw bad("operatorProviderId: the built-in agent uses no provider");
    if (agent.baseUrl) throw bad("baseUrl: the built-in agent calls no endpoint");
    if (agent.hasKey) throw bad("apiKey: the built-in agent needs no key");
    return;
  }
  if (agent.operatorProviderId) {
    const offered = findOperatorProvider(agent.operatorProviderId);
    if (!offered) throw bad("operatorProviderId: this server offers no such provider");
    if (offered.kind !== agent.provider)
      throw bad(`provider: the operator's provider "${offered.id}" is ${offered.kind}`);
    if (agent.baseUrl) throw bad("baseUrl: an agent on the operator's provider uses the operator's URL");
    if (agent.hasKey) throw bad("apiKey: an agent on the operator's provider uses the operator's key");
    return;
  }
  if (agent.provider === "openai_compatible" && !agent.baseUrl)
    throw bad("baseUrl: an OpenAI-compatible agent needs its endpoint, e.g. https://api.openai.com/v1");
  if (agent.provider === "anthropic" && !agent.hasKey)
    throw bad("apiKey: an Anthropic agent needs the workspace's key, or one of the operator's providers");
  // The guard checks every resolved address on every request; this only answers early.
  if (agent.baseUrl && isRefusedOnItsFace(new URL(agent.baseUrl), env().OUTBOUND_ALLOWED_HOSTS))
    throw bad("baseUrl: this server does not allow requests to that address");
}

/** The key's columns for a write: sealed when given, cleared for null, untouched when omitted. */
function keyData(workspaceId: string, apiKey: string | null | undefined) {
  if (apiKey === undefined) return {};
  if (apiKey === null) return { apiKeyCiphertext: null, apiKeyLast4: null };
  if (!workspaceKeysEnabled()) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "apiKey: this server's operator has not enabled keys of the workspace's own (SECRETS_KEY is not set); choose one of the operator's providers",
    });
  }
  return sealAgentKey(workspaceId, apiKey);
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
    operatorProviderId: input.operatorProviderId ?? null,
    baseUrl: input.baseUrl ?? null,
  };
  if (!fields.model)
    throw new TRPCError({ code: "BAD_REQUEST", message: "model: name the provider's model" });
  checkConnection({ ...fields, hasKey: Boolean(input.apiKey) });
  const key = keyData(workspaceId, input.apiKey ?? null);
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
          ...key,
          instructions: input.instructions,
          mode: input.mode,
          internal: input.internal,
          isDefault,
          ...settingsData(input.settings),
        },
        select: agentConfigSelect,
      });
      await recordAudit(tx, caller, {
        action: "ai_agent.created",
        target: { type: "ai_agent", id: row.id, label: row.name },
        data: { provider: row.provider, mode: row.mode },
      });
      return toAgentConfig(row);
    });
  } catch (error) {
    conflictOnName(error);
  }
}

/**
 * Changes the fields given; null clears operatorProviderId, baseUrl, apiKey or settings. A save
 * that passes the checks unblocks an agent a migration blocked: an admin has looked at it.
 */
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
        operatorProviderId:
          input.operatorProviderId === undefined ? current.operatorProviderId : input.operatorProviderId,
        baseUrl: input.baseUrl === undefined ? current.baseUrl : input.baseUrl,
      };
      const hasKey = input.apiKey === undefined ? current.apiKeyLast4 !== null : input.apiKey !== null;
      checkConnection({ ...fields, hasKey });
      const key = keyData(workspaceId, input.apiKey);
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
          ...key,
          blockedReason: null,
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.instructions !== undefined ? { instructions: input.instructions } : {}),
          ...(input.mode !== undefined ? { mode: input.mode } : {}),
          ...(input.internal !== undefined ? { internal: input.internal } : {}),
          ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
          ...settingsData(input.settings),
        },
        select: agentConfigSelect,
      });
      await recordAudit(tx, caller, {
        action: "ai_agent.updated",
        target: { type: "ai_agent", id: row.id, label: row.name },
        // Which settings changed, never their values: the key above all.
        data: { changed: Object.keys(input).filter((field) => field !== "id") },
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
    const agent = await tx.aiAgent.findFirst({
      where: { id, workspaceId },
      select: { id: true, name: true },
    });
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
    await recordAudit(tx, caller, {
      action: "ai_agent.deleted",
      target: { type: "ai_agent", id: agent.id, label: agent.name },
    });
    return { id: agent.id };
  });
}
