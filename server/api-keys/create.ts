import type { CreateApiKeyInput, CreatedApiKeyOutput } from "@/server/api-keys/schemas";
import { apiKeySelect, toApiKeyOutput } from "@/server/api-keys/select";
import { recordAudit } from "@/server/audit/record";
import { generateApiKey } from "@/server/auth/api-key";
import type { Db } from "@/server/db/client";

/** A new key acting as the member; the only time the whole key exists outside the caller. */
export async function createApiKey(
  db: Db,
  member: { workspaceId: string; memberId: string },
  { name }: CreateApiKeyInput,
): Promise<CreatedApiKeyOutput> {
  const { key, prefix, hash } = generateApiKey();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { workspaceId: member.workspaceId, memberId: member.memberId, name, prefix, hash },
      select: apiKeySelect,
    });
    await recordAudit(tx, member, {
      action: "api_key.created",
      target: { type: "api_key", id: created.id, label: created.name },
      data: { prefix },
    });
    return created;
  });
  return { ...toApiKeyOutput(row), key };
}
