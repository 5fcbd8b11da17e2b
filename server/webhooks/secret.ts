import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/server/env";
import { openSecret, sealSecret } from "@/server/secrets/cipher";

const PREFIX = "whsec_";
const SEALED = "v1.";

/** A new signing secret: whsec_ and 32 random bytes in base64, as Standard Webhooks says. */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

// The endpoint is bound to the sealed secret: copied into another row, it does not open.
const context = (workspaceId: string, endpointId: string) => `webhook-secret:${workspaceId}:${endpointId}`;

/**
 * The secret as stored: sealed under SECRETS_KEY when the operator set one; else as it is,
 * because signing needs the secret itself (a hash would not do). README says so.
 */
export function storeWebhookSecret(secret: string, workspaceId: string, endpointId: string): string {
  const key = env().SECRETS_KEY;
  return key ? sealSecret(secret, key, context(workspaceId, endpointId)) : secret;
}

/** The secret back, or null when it was sealed under a SECRETS_KEY this server no longer has. */
export function readWebhookSecret(stored: string, workspaceId: string, endpointId: string): string | null {
  if (stored.startsWith(PREFIX)) return stored;
  if (!stored.startsWith(SEALED)) return null;
  const key = env().SECRETS_KEY;
  return key ? openSecret(stored, key, context(workspaceId, endpointId)) : null;
}

/**
 * The webhook-signature header: one `v1,<base64 HMAC-SHA256>` of "id.timestamp.body" per
 * secret, space-separated (two during a rotation), keyed with the bytes after "whsec_".
 */
export function signWebhook(secrets: string[], messageId: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(PREFIX.length), "base64");
      const mac = createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64");
      return `v1,${mac}`;
    })
    .join(" ");
}
