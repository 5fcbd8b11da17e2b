import { z } from "zod";
import { Locale } from "@/server/connect/schemas";
import { ChannelSummary } from "@/server/conversations/schemas";

export const MemberRole = z.enum(["owner", "admin", "agent"]);

export const WorkspaceSummary = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const MemberOutput = z.object({
  memberId: z.string(),
  name: z.string(),
  email: z.string(),
  image: z.string().nullable(),
  role: MemberRole,
});
export type MemberOutput = z.infer<typeof MemberOutput>;

export const ChannelOutput = ChannelSummary;
export type ChannelOutput = z.infer<typeof ChannelOutput>;

export const TemplateOutput = z.object({
  id: z.string(),
  name: z.string(),
  content: z.partialRecord(Locale, z.string()),
  /** Every `{{placeholder}}` of any locale, once each, in order of first use. */
  placeholders: z.array(z.string()),
});
export type TemplateOutput = z.infer<typeof TemplateOutput>;

export const AgentOutput = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.enum(["builtin", "openai_compatible", "anthropic"]),
  model: z.string(),
  mode: z.enum(["reply", "draft"]),
  isDefault: z.boolean(),
  internal: z.boolean(),
});
export type AgentOutput = z.infer<typeof AgentOutput>;

export const SwitchWorkspaceInput = z.object({ workspaceId: z.string().trim().min(1).max(100) });
export type SwitchWorkspaceInput = z.infer<typeof SwitchWorkspaceInput>;
