import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import {
  BULK_MAX,
  BulkRestoreInput,
  type BulkRestoreOutput,
  BulkUpdateInput,
  type BulkUpdateOutput,
} from "@/server/conversations/bulk-schemas";
import { conversationWhereSql } from "@/server/conversations/filters";
import { conversationSelect } from "@/server/conversations/select";
import { scheduleWakeUp } from "@/server/conversations/wake-dispatch";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { type ConversationChanges, recordConversationsUpdated } from "@/server/webhooks/events";

type Tx = Prisma.TransactionClient;
type Before = { id: string; status: string; assigneeId: string | null; snoozedUntil: Date | null };
/** What one conversation is set to: absent fields stay as they are; snoozedUntil goes with a snoozed status. */
type Target = { id: string; status?: string; assigneeId?: string | null; snoozedUntil?: string | null };

// A thousand rows locked, updated and announced in one transaction: well within this.
const TRANSACTION = { timeout: 15_000, maxWait: 5_000 };

async function assertMember(tx: Tx, workspaceId: string, memberIds: Iterable<string | null | undefined>) {
  const wanted = [...new Set([...memberIds].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return;
  const found = await tx.member.count({ where: { workspaceId, removedAt: null, id: { in: wanted } } });
  if (found !== wanted.length) throw notFound("assigneeId", "member");
}

/** Locks the conversations, in id order (two bulk changes never deadlock), and reads them as they are. */
function lockSql(condition: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.status::text AS status, c."assigneeId", c."snoozedUntil"
    FROM "Conversation" c WHERE ${condition}
    ORDER BY c.id LIMIT ${limit} FOR UPDATE`;
}

/**
 * Sets each conversation to its target in one statement; returns the ones that changed, with
 * what changed (for webhooks).
 */
async function apply(tx: Tx, caller: Caller, before: Before[], targets: Target[]) {
  const was = new Map(before.map((row) => [row.id, row]));
  const changed: { id: string; changes: ConversationChanges }[] = [];
  const rows: (Target & { snoozedUntil: string | null })[] = [];
  for (const target of targets) {
    const row = was.get(target.id);
    if (!row) continue;
    const changes: ConversationChanges = {};
    if (target.status !== undefined && target.status !== row.status)
      changes.status = { from: row.status, to: target.status };
    if (target.assigneeId !== undefined && target.assigneeId !== row.assigneeId)
      changes.assigneeId = { from: row.assigneeId, to: target.assigneeId };
    if (Object.keys(changes).length === 0) continue;
    changed.push({ id: target.id, changes });
    const status = changes.status?.to ?? row.status;
    rows.push({
      id: target.id,
      status,
      assigneeId: changes.assigneeId ? changes.assigneeId.to : row.assigneeId,
      // Any other status ends a snooze; the undo of one snoozes again until the same time.
      snoozedUntil:
        status !== "snoozed"
          ? null
          : changes.status
            ? (target.snoozedUntil ?? null)
            : (row.snoozedUntil?.toISOString() ?? null),
    });
  }
  if (rows.length === 0) return { changed, deliveryIds: [] as string[] };
  await tx.$executeRaw`
    UPDATE "Conversation" c
    SET status = t.status::"ConversationStatus", "assigneeId" = t."assigneeId",
      "snoozedUntil" = t."snoozedUntil"::timestamp(3), "updatedAt" = now()
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[],
                ${rows.map((r) => r.assigneeId ?? null)}::text[],
                ${rows.map((r) => r.snoozedUntil)}::text[]) AS t(id, status, "assigneeId", "snoozedUntil")
    WHERE c."workspaceId" = ${caller.workspaceId} AND c.id = t.id`;
  const after = await tx.conversation.findMany({
    where: { workspaceId: caller.workspaceId, id: { in: changed.map((c) => c.id) } },
    select: conversationSelect,
  });
  const byId = new Map(after.map((row) => [row.id, row]));
  const deliveryIds = await recordConversationsUpdated(
    tx,
    caller.workspaceId,
    changed.flatMap(({ id, changes }) => {
      const row = byId.get(id);
      return row ? [{ conversation: row, changes }] : [];
    }),
  );
  return { changed, deliveryIds };
}

function announce(caller: Caller, count: number, deliveryIds: string[]) {
  // One live event for the whole change: every open inbox refetches once, not once per row.
  if (count > 0)
    publishAfterCommit({ type: "conversations.updated", workspaceId: caller.workspaceId, count });
  dispatchDeliveries(deliveryIds);
}

/**
 * One change (status and/or assignee) to up to 1,000 conversations, picked by id or by the
 * inbox's filters: all of them or none. Returns what each changed one was before, which
 * `bulkRestore` puts back (the inbox's undo).
 */
export async function bulkUpdateConversations(
  db: Db,
  caller: Caller,
  params: BulkUpdateInput,
): Promise<BulkUpdateOutput> {
  const { target, change } = BulkUpdateInput.parse(params);
  const { workspaceId } = caller;
  const result = await db.$transaction(async (tx) => {
    let before: Before[];
    if ("ids" in target) {
      const ids = [...new Set(target.ids)];
      before = await tx.$queryRaw<Before[]>(
        lockSql(Prisma.sql`c."workspaceId" = ${workspaceId} AND c.id = ANY(${ids}::text[])`, BULK_MAX),
      );
      // All or none: an id that is missing, or another workspace's, fails the whole change.
      if (before.length !== ids.length) throw notFound("target.ids", "conversation");
    } else {
      before = await tx.$queryRaw<Before[]>(
        lockSql(conversationWhereSql(caller, target.filter), BULK_MAX + 1),
      );
      if (before.length > BULK_MAX)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `target.filter: more than ${BULK_MAX} conversations match; narrow the filter`,
        });
    }
    await assertMember(tx, workspaceId, [change.assigneeId]);
    const targets = before.map((row) => ({ id: row.id, ...change }));
    const { changed, deliveryIds } = await apply(tx, caller, before, targets);
    const changedIds = new Set(changed.map((c) => c.id));
    return {
      matched: before.length,
      previous: before
        .filter((row) => changedIds.has(row.id))
        .map((row) => ({
          id: row.id,
          status: row.status,
          assigneeId: row.assigneeId,
          snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
        })),
      deliveryIds,
    };
  }, TRANSACTION);
  announce(caller, result.previous.length, result.deliveryIds);
  return {
    matched: result.matched,
    changed: result.previous.length,
    previous: result.previous as BulkUpdateOutput["previous"],
  };
}

/**
 * Puts conversations back as `bulkUpdate` found them (its `previous`): the undo. All or none;
 * an assignee who has left the workspace since is a NOT_FOUND.
 */
export async function bulkRestoreConversations(
  db: Db,
  caller: Caller,
  params: BulkRestoreInput,
): Promise<BulkRestoreOutput> {
  const { items } = BulkRestoreInput.parse(params);
  const { workspaceId } = caller;
  const result = await db.$transaction(async (tx) => {
    const ids = [...new Set(items.map((item) => item.id))];
    const before = await tx.$queryRaw<Before[]>(
      lockSql(Prisma.sql`c."workspaceId" = ${workspaceId} AND c.id = ANY(${ids}::text[])`, BULK_MAX),
    );
    if (before.length !== ids.length) throw notFound("items.id", "conversation");
    await assertMember(
      tx,
      workspaceId,
      items.map((item) => item.assigneeId),
    );
    return apply(tx, caller, before, items);
  }, TRANSACTION);
  announce(caller, result.changed.length, result.deliveryIds);
  for (const item of items) {
    if (item.status === "snoozed" && item.snoozedUntil)
      scheduleWakeUp({ workspaceId, conversationId: item.id, until: item.snoozedUntil });
  }
  return { changed: result.changed.length };
}
