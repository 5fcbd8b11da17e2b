// No "use client": the page checks the address against these on the server.
export const SETTINGS_SECTIONS = [
  "workspace",
  "members",
  "channels",
  "templates",
  "labels",
  "ai-agents",
  "api-keys",
  "webhooks",
  "audit-log",
  "account",
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Sections an agent sees; the rest are for owners and admins (the server checks roles anyway). */
export const AGENT_SECTIONS: readonly SettingsSection[] = ["api-keys", "account"];

export function isSettingsSection(value: string): value is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(value);
}
