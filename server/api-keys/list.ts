import type { ApiKeyOutput } from "@/server/api-keys/schemas";
import { apiKeySelect, toApiKeyOutput } from "@/server/api-keys/select";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";

/** The caller's own keys in this workspace, revoked ones included, newest first. */
export async function listApiKeys(db: Db, caller: Caller): Promise<ApiKeyOutput[]> {
  const rows = await db.apiKey.findMany({
    where: { workspaceId: caller.workspaceId, memberId: caller.memberId },
    select: apiKeySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiKeyOutput);
}
