// Every kind of audit entry, by what it is about. The settings page names each in en/ar/tr.
export const AUDIT_ACTIONS = [
  "workspace.renamed",
  "workspace.default_language_changed",
  "workspace.auto_assign_changed",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.created",
  "invitation.revoked",
  "api_key.created",
  "api_key.revoked",
  "ai_agent.created",
  "ai_agent.updated",
  "ai_agent.deleted",
  "channel.created",
  "channel.updated",
  "channel.archived",
  "channel.restored",
  "template.created",
  "template.updated",
  "template.deleted",
  "label.created",
  "label.updated",
  "label.deleted",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  "customer.merged",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetType =
  | "workspace"
  | "member"
  | "invitation"
  | "api_key"
  | "ai_agent"
  | "channel"
  | "template"
  | "label"
  | "webhook"
  | "customer";
