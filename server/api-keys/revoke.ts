import type { ApiKeyOutput, RevokeApiKeyInput } from "@/server/api-keys/schemas";
import { apiKeySelect, toApiKeyOutput } from "@/server/api-keys/select";
import { recordAudit } from "@/server/audit/record";
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
  const row = await db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const key = await tx.apiKey.findFirst({
      where,
      select: { ...apiKeySelect, member: { select: { user: { select: { name: true } } } } },
    });
    if (key && revoked.count > 0) {
      await recordAudit(tx, caller, {
        action: "api_key.revoked",
        target: { type: "api_key", id: key.id, label: key.name },
        data: { prefix: key.prefix, owner: key.member.user.name },
      });
    }
    return key;
  });
  if (!row) throw notFound("id", "API key");
  return toApiKeyOutput(row);
}
