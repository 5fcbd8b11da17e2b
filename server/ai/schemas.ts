import { z } from "zod";
import { Locale } from "@/server/connect/schemas";

const Id = z.string().trim().min(1).max(100);

export const AiRunKind = z.enum(["reply", "draft", "translate", "rewrite"]);
export const AiRunStatus = z.enum(["queued", "running", "succeeded", "failed"]);
export const RewriteStyle = z.enum(["shorter", "friendlier", "formal"]);
export const AiProvider = z.enum(["builtin", "openai_compatible", "anthropic"]);
export const AiAgentMode = z.enum(["reply", "draft"]);

/** What a transform run was asked to do; kept in the run's output until it is done. */
export const TransformRequest = z.object({
  text: z.string(),
  locale: Locale,
  style: RewriteStyle.nullable(),
  targetLocales: z.array(Locale),
});
export type TransformRequest = z.infer<typeof TransformRequest>;

export const KnowledgeSource = z.object({
  type: z.enum(["template", "conversation"]),
  id: z.string(),
  score: z.number(),
});

/** AiRun.output as stored. */
export const StoredRunOutput = z.object({
  texts: z.partialRecord(Locale, z.string()).default({}),
  /** True while a streaming run is still writing. */
  partial: z.boolean().default(false),
  /** The built-in agent's evidence, best first; empty when it found nothing good. */
  sources: z.array(KnowledgeSource).optional(),
  request: TransformRequest.optional(),
});
export type StoredRunOutput = z.infer<typeof StoredRunOutput>;

export const RunOutput = z.object({
  id: z.string(),
  agentId: z.string(),
  conversationId: z.string(),
  triggerMessageId: z.string(),
  kind: AiRunKind,
  status: AiRunStatus,
  /** Provider calls made since the run was (re)queued by a member. */
  attempts: z.number().int(),
  /** The last attempt's error; kept while a retry is queued, cleared on success. */
  error: z.string().nullable(),
  /** Text per locale for runs that do not post (draft, translate, rewrite; any run of a draft-mode agent). */
  output: z
    .object({
      texts: z.partialRecord(Locale, z.string()),
      partial: z.boolean(),
      sources: z.array(KnowledgeSource),
    })
    .nullable(),
  /** The message the run posted, for reply runs of reply-mode agents. */
  replyMessageId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunOutput = z.infer<typeof RunOutput>;

export const AssistInput = z.object({
  messageId: Id,
  /** Defaults to the workspace's default agent. */
  agentId: Id.nullish(),
  /** Defaults to "reply" for reply-mode agents and "draft" for draft-mode ones; a draft-mode agent never posts. */
  kind: z.enum(["reply", "draft"]).nullish(),
});
export type AssistInput = z.infer<typeof AssistInput>;

export const RunIdInput = z.object({ id: Id });
export type RunIdInput = z.infer<typeof RunIdInput>;

export const RunsForConversationInput = z.object({
  conversationId: Id,
  limit: z.number().int().min(1).max(50).default(20),
});
export type RunsForConversationInput = z.input<typeof RunsForConversationInput>;

export const RunsForConversationOutput = z.object({ items: z.array(RunOutput) });
export type RunsForConversationOutput = z.infer<typeof RunsForConversationOutput>;

export const TransformInput = z
  .object({
    conversationId: Id,
    text: z.string().trim().min(1).max(20_000),
    /** The language `text` is written in. */
    locale: Locale,
    kind: z.enum(["translate", "rewrite"]),
    style: RewriteStyle.nullish(),
    /** translate: the languages wanted; defaults to every other supported one. */
    targetLocales: z.array(Locale).min(1).max(3).nullish(),
    agentId: Id.nullish(),
  })
  .refine((input) => input.kind !== "translate" || !input.targetLocales?.every((l) => l === input.locale), {
    message: "translate into a language other than the text's own",
    path: ["targetLocales"],
  });
export type TransformInput = z.infer<typeof TransformInput>;

export const AgentSettings = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(16).max(32_000).optional(),
  /** How much conversation history the model sees, in characters (~4 per token). */
  contextChars: z.number().int().min(1_000).max(400_000).optional(),
});
export type AgentSettings = z.infer<typeof AgentSettings>;

const BaseUrl = z
  .string()
  .trim()
  .max(2_000)
  .url()
  .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL");

/** A workspace's own key: written, never read back. Printable ASCII only, as an HTTP header needs. */
const ApiKey = z
  .string()
  .trim()
  .min(8, "must be the whole key the provider gave you")
  .max(1_000)
  .regex(/^[\x21-\x7e]+$/, "must be the key as the provider gave it, without spaces");

const AgentFields = {
  name: z.string().trim().min(1).max(100),
  provider: AiProvider,
  model: z.string().trim().min(1).max(200),
  /** One of the operator's providers (see v1.ai.providers): its URL and key are used. */
  operatorProviderId: Id.nullish(),
  /** Else the workspace's own endpoint (OpenAI-compatible: required; Anthropic: defaults to Anthropic's). */
  baseUrl: BaseUrl.nullish(),
  /** The workspace's own key, stored encrypted and never returned; null removes it. */
  apiKey: ApiKey.nullish(),
  instructions: z.string().max(20_000),
  mode: AiAgentMode,
  internal: z.boolean(),
  isDefault: z.boolean(),
  settings: AgentSettings.nullish(),
};

export const CreateAgentInput = z.object({
  ...AgentFields,
  model: AgentFields.model.optional(),
  instructions: AgentFields.instructions.default(""),
  mode: AgentFields.mode.default("reply"),
  internal: AgentFields.internal.default(false),
  isDefault: AgentFields.isDefault.default(false),
});
export type CreateAgentInput = z.infer<typeof CreateAgentInput>;

export const UpdateAgentInput = z.object({
  id: Id,
  name: AgentFields.name.optional(),
  provider: AgentFields.provider.optional(),
  model: AgentFields.model.optional(),
  operatorProviderId: AgentFields.operatorProviderId,
  baseUrl: AgentFields.baseUrl,
  /** Omitted, the stored key stays; null removes it; a string replaces it. */
  apiKey: AgentFields.apiKey,
  instructions: AgentFields.instructions.optional(),
  mode: AgentFields.mode.optional(),
  internal: AgentFields.internal.optional(),
  isDefault: AgentFields.isDefault.optional(),
  settings: AgentFields.settings,
});
export type UpdateAgentInput = z.infer<typeof UpdateAgentInput>;

export const AgentIdInput = z.object({ id: Id });
export type AgentIdInput = z.infer<typeof AgentIdInput>;

/** An agent's whole configuration, for admins: never a key, only the last 4 characters of the workspace's own. */
export const AgentConfigOutput = z.object({
  id: z.string(),
  name: z.string(),
  provider: AiProvider,
  model: z.string(),
  operatorProviderId: z.string().nullable(),
  baseUrl: z.string().nullable(),
  /** The workspace's own key's last 4 characters; null when it has none. */
  apiKeyLast4: z.string().nullable(),
  /** Set when the agent may not run, e.g. "key_env_retired"; saving valid settings clears it. */
  blockedReason: z.string().nullable(),
  instructions: z.string(),
  mode: AiAgentMode,
  internal: z.boolean(),
  isDefault: z.boolean(),
  settings: AgentSettings,
});
export type AgentConfigOutput = z.infer<typeof AgentConfigOutput>;

/** A provider the operator offers: what an admin sees of it (never its key or URL). */
export const OperatorProviderOutput = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["openai_compatible", "anthropic"]),
});
export type OperatorProviderOutput = z.infer<typeof OperatorProviderOutput>;

export const AiProvidersOutput = z.object({
  operatorProviders: z.array(OperatorProviderOutput),
  /** Whether an agent may keep a key of the workspace's own (the operator has set SECRETS_KEY). */
  workspaceKeys: z.boolean(),
});
export type AiProvidersOutput = z.infer<typeof AiProvidersOutput>;
