import { z } from "zod";

export const ApiKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is never shown again. */
  prefix: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601, to the minute or so. */
  lastUsedAt: z.string().nullable(),
  /** ISO 8601. */
  revokedAt: z.string().nullable(),
});
export type ApiKeyOutput = z.infer<typeof ApiKeyOutput>;

export const CreatedApiKeyOutput = ApiKeyOutput.extend({
  /** The whole key, shown this once: only its hash is stored. */
  key: z.string(),
});
export type CreatedApiKeyOutput = z.infer<typeof CreatedApiKeyOutput>;

export const CreateApiKeyInput = z.object({ name: z.string().trim().min(1).max(100) });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ id: z.string().trim().min(1).max(100) });
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;
