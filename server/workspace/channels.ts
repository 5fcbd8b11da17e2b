import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { type Queryable, sql } from "@/server/db/sql";
import { notFound } from "@/server/trpc/errors";
import type { ChannelOutput } from "@/server/workspace/schemas";

const channelSelect = { id: true, kind: true, name: true, identifier: true } satisfies Prisma.ChannelSelect;

/** The channels the inbox offers (its channel filter): archived ones are left out. */
export async function listChannels(db: Db, caller: Caller): Promise<ChannelOutput[]> {
  return db.channel.findMany({
    where: { workspaceId: caller.workspaceId, archivedAt: null },
    select: channelSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/**
 * The id of the workspace's channel that the input names by `channelId` or `channelIdentifier`,
 * or null when it names none. Given both, they must name the same channel: a mismatch is the
 * caller's mistake (BAD_REQUEST), not a missing channel. An archived channel takes no new
 * conversations: refused unless the caller writes into one that exists (`archived: "accept"`).
 */
export async function findNamedChannel(
  on: Queryable,
  workspaceId: string,
  named: { channelId?: string | null; channelIdentifier?: string | null },
  options: {
    /** Where the fields sit in the input, for the error: `ai.` for a send's `ai.channelId`. */
    path?: string;
    archived?: "refuse" | "accept";
  } = {},
): Promise<string | null> {
  const { path = "", archived = "refuse" } = options;
  const by = named.channelId
    ? { column: "id", value: named.channelId, field: "channelId" }
    : named.channelIdentifier
      ? { column: "identifier", value: named.channelIdentifier, field: "channelIdentifier" }
      : null;
  if (!by) return null;
  const [channel] = await sql<{ id: string; identifier: string; archived: boolean }>(
    on,
    `SELECT id, identifier, "archivedAt" IS NOT NULL AS archived FROM "Channel"
     WHERE ${by.column} = $1 AND "workspaceId" = $2`,
    [by.value, workspaceId],
  );
  if (!channel) throw notFound(`${path}${by.field}`, "channel");
  if (named.channelIdentifier && named.channelIdentifier !== channel.identifier) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${path}channelIdentifier: names a different channel than ${path}channelId`,
    });
  }
  if (channel.archived && archived === "refuse") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${path}${by.field}: this channel is archived; it keeps its conversations but takes no new ones`,
    });
  }
  return channel.id;
}
