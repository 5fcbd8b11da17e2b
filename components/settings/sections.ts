// No "use client": the page checks the address against these on the server.
export const SETTINGS_SECTIONS = ["api-keys", "ai-agents", "account"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export function isSettingsSection(value: string): value is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(value);
}
