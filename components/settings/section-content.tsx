"use client";
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { SettingsSection } from "@/components/settings/sections";

// Each section's code loads with its own page (server-rendered, then hydrated), not with the others.
const SECTIONS: Record<SettingsSection, ComponentType> = {
  workspace: dynamic(() =>
    import("@/components/settings/workspace/workspace-section").then((m) => m.WorkspaceSection),
  ),
  members: dynamic(() =>
    import("@/components/settings/members/members-section").then((m) => m.MembersSection),
  ),
  channels: dynamic(() =>
    import("@/components/settings/channels/channels-section").then((m) => m.ChannelsSection),
  ),
  templates: dynamic(() =>
    import("@/components/settings/templates/templates-section").then((m) => m.TemplatesSection),
  ),
  labels: dynamic(() => import("@/components/settings/labels/labels-section").then((m) => m.LabelsSection)),
  "ai-agents": dynamic(() => import("@/components/settings/agents-section").then((m) => m.AgentsSection)),
  "api-keys": dynamic(() => import("@/components/settings/api-keys-section").then((m) => m.ApiKeysSection)),
  webhooks: dynamic(() =>
    import("@/components/settings/webhooks/webhooks-section").then((m) => m.WebhooksSection),
  ),
  "audit-log": dynamic(() =>
    import("@/components/settings/audit/audit-section").then((m) => m.AuditLogSection),
  ),
  account: dynamic(() => import("@/components/settings/account-section").then((m) => m.AccountSection)),
};

export function SectionContent({ section }: { section: SettingsSection }) {
  const Section = SECTIONS[section];
  return <Section />;
}
