import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { MemberRole } from "@/server/db/generated/enums";
import { sql } from "@/server/db/sql";

const KEY_PREFIX = "ci_";
const VISIBLE_PREFIX_LENGTH = 11;
// lastUsedAt is a hint for humans; writing it on every request would put a write on every read.
const LAST_USED_GRANULARITY_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export type ApiKeyCaller = {
  apiKeyId: string;
  workspaceId: string;
  memberId: string;
  role: MemberRole;
};

/** Whether a bearer token has the shape of this app's keys (which says nothing of whether it is one). */
export function looksLikeApiKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}

const API_KEY_CALLER = {
  name: "api-key-caller",
  text: `SELECT k.id, k."workspaceId", k."memberId", k."lastUsedAt", m.role::text AS role
     FROM "ApiKey" k
     JOIN "Member" m ON m."workspaceId" = k."workspaceId" AND m.id = k."memberId"
     WHERE k.hash = $1 AND k."revokedAt" IS NULL AND m."removedAt" IS NULL`,
};

/** The member a key acts as, or null for an unknown or revoked key. */
export async function resolveApiKey(db: Db, key: string): Promise<ApiKeyCaller | null> {
  if (!looksLikeApiKey(key)) return null;
  // Every API call starts here, so one plain statement on pg (server/db/sql.ts).
  const [row] = await sql<{
    id: string;
    workspaceId: string;
    memberId: string;
    lastUsedAt: Date | null;
    role: MemberRole;
  }>(db.$pool, API_KEY_CALLER, [hashApiKey(key)]);
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiKey.update({
      where: { id: row.id },
      data: { lastUsedAt: new Date(now) },
      select: { id: true },
    });
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId, memberId: row.memberId, role: row.role };
}
