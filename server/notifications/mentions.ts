import { TRPCError } from "@trpc/server";
import { type Queryable, sql } from "@/server/db/sql";
import { mentionToken } from "@/server/notifications/mention-tokens";

/**
 * Checks that every mentioned id is a current member of the workspace: a token naming anyone
 * else (another workspace's member, a removed one, a made-up id) is refused, so every mention
 * stored in a note is a reference the inbox can resolve.
 */
export async function checkMentions(on: Queryable, workspaceId: string, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return;
  const rows = await sql<{ id: string }>(
    on,
    `SELECT id FROM "Member" WHERE "workspaceId" = $1 AND id = ANY($2::text[]) AND "removedAt" IS NULL`,
    [workspaceId, memberIds],
  );
  const found = new Set(rows.map((row) => row.id));
  const unknown = memberIds.find((id) => !found.has(id));
  if (unknown !== undefined) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `content: ${mentionToken(unknown)} names no member of this workspace`,
    });
  }
}
