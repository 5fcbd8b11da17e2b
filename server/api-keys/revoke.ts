import type { ApiKeyOutput, RevokeApiKeyInput } from "@/server/api-keys/schemas";
import { apiKeySelect, toApiKeyOutput } from "@/server/api-keys/select";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/**
 * Revokes one of the caller's keys; owners and admins may revoke any key of the workspace.
 * A key the caller may not revoke is NOT_FOUND, like one that does not exist. Revoking
 * again keeps the first revokedAt.
 */
export async function revokeApiKey(db: Db, caller: Caller, { id }: RevokeApiKeyInput): Promise<ApiKeyOutput> {
  const where = {
    id,
    workspaceId: caller.workspaceId,
    ...(caller.role === "agent" ? { memberId: caller.memberId } : {}),
  };
  await db.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiKey.findFirst({ where, select: apiKeySelect });
  if (!row) throw notFound("id", "API key");
  return toApiKeyOutput(row);
}
