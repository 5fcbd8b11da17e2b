import { env } from "@/server/env";
import { openSecret, sealSecret } from "@/server/secrets/cipher";

// The workspace is bound to the sealed key: copied into another workspace's agent, it does not open.
const context = (workspaceId: string) => `ai-agent-key:${workspaceId}`;

/** Whether the operator has set SECRETS_KEY, without which no workspace key can be stored. */
export function workspaceKeysEnabled(): boolean {
  return env().SECRETS_KEY !== undefined;
}

/** The row's columns for a workspace's own key; call only when workspaceKeysEnabled(). */
export function sealAgentKey(workspaceId: string, apiKey: string) {
  const secretsKey = env().SECRETS_KEY;
  if (!secretsKey) throw new Error("SECRETS_KEY is not set");
  return {
    apiKeyCiphertext: sealSecret(apiKey, secretsKey, context(workspaceId)),
    apiKeyLast4: apiKey.slice(-4),
  };
}

/** The key, or why it cannot be read: no SECRETS_KEY any more, or another one than it was sealed with. */
export function openAgentKey(
  workspaceId: string,
  ciphertext: string,
): { apiKey: string } | { unreadable: "no_secrets_key" | "wrong_secrets_key" } {
  const secretsKey = env().SECRETS_KEY;
  if (!secretsKey) return { unreadable: "no_secrets_key" };
  const apiKey = openSecret(ciphertext, secretsKey, context(workspaceId));
  return apiKey === null ? { unreadable: "wrong_secrets_key" } : { apiKey };
}
