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
import type { ConversationStatus } from "@/server/conversations/schemas";
import { conversationSelect } from "@/server/conversations/select";
import { scheduleWakeUps } from "@/server/conversations/wake-dispatch";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { publishAfterCommit } from "@/server/events/publish";
import { createNotifications, publishNotifications } from "@/server/notifications/create";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { type ConversationChanges, recordConversationsUpdated } from "@/server/webhooks/events";

type Tx = Prisma.TransactionClient;
/** A conversation as it is: what a bulk change reads first and `bulkRestore` puts back. */
type State = {
  id: string;
  status: ConversationStatus;
  assigneeId: string | null;
  /** ISO 8601 while snoozed. */
  snoozedUntil: string | null;
  labelIds: string[];
};
/** What one conversation is to become: absent fields stay as they are; snoozedUntil goes with a snoozed status. */
type Target = {
  id: string;
  status?: ConversationStatus;
  assigneeId?: string | null;
  snoozedUntil?: string | null;
  labelIds?: string[];
};

// A thousand rows locked, updated and announced in one transaction: well within this.
const TRANSACTION = { timeout: 15_000, maxWait: 5_000 };

async function assertMember(tx: Tx, workspaceId: string, memberId: string | null | undefined, field: string) {
  if (!memberId) return;
  const found = await tx.member.count({ where: { workspaceId, removedAt: null, id: memberId } });
  if (found !== 1) throw notFound(field, "member");
}

/** The workspace's labels among `ids`; with `field`, any other id is a NOT_FOUND on it. */
async function existingLabels(tx: Tx, workspaceId: string, ids: string[], field?: string) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set<string>();
  const rows = await tx.label.findMany({ where: { workspaceId, id: { in: wanted } }, select: { id: true } });
  if (field && rows.length !== wanted.length) throw notFound(field, "label");
  return new Set(rows.map((row) => row.id));
}

/**
 * Locks the conversations, in id order (two bulk changes never deadlock), and reads them as they
 * are, labels included.
 */
async function lockStates(tx: Tx, condition: Prisma.Sql, limit: number): Promise<State[]> {
  return tx.$queryRaw<State[]>`
    WITH locked AS (
      SELECT c.id, c.status, c."assigneeId", c."snoozedUntil" FROM "Conversation" c WHERE ${condition}
      ORDER BY c.id LIMIT ${limit} FOR UPDATE
    )
    SELECT l.id, l.status::text AS status, l."assigneeId",
      to_char(l."snoozedUntil", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "snoozedUntil",
      ARRAY(SELECT cl."labelId" FROM "ConversationLabel" cl WHERE cl."conversationId" = l.id ORDER BY 1) AS "labelIds"
    FROM locked l ORDER BY l.id`;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** Sets each conversation to its target in a few statements; returns what changed, and the webhooks. */
async function apply(tx: Tx, caller: Caller, states: State[], targets: Target[], notify: boolean) {
  const { workspaceId } = caller;
  const was = new Map(states.map((state) => [state.id, state]));
  const changed: { id: string; changes: ConversationChanges; before: State }[] = [];
  const fields: { id: string; status: string; assigneeId: string | null; snoozedUntil: string | null }[] = [];
  const added: [string, string][] = [];
  const removed: [string, string][] = [];
  for (const target of targets) {
    const before = was.get(target.id);
    if (!before) continue;
    const changes: ConversationChanges = {};
    if (target.status !== undefined && target.status !== before.status)
      changes.status = { from: before.status, to: target.status };
    if (target.assigneeId !== undefined && target.assigneeId !== before.assigneeId)
      changes.assigneeId = { from: before.assigneeId, to: target.assigneeId };
    // Any other status ends a snooze; snoozing (again) sets its time; the undo of one snoozes
    // again until the same time.
    const snoozedUntil =
      target.status === undefined
        ? before.snoozedUntil
        : target.status === "snoozed" && target.snoozedUntil
          ? new Date(target.snoozedUntil).toISOString()
          : null;
    if (snoozedUntil !== before.snoozedUntil)
      changes.snoozedUntil = { from: before.snoozedUntil, to: snoozedUntil };
    if (target.labelIds && !sameSet(target.labelIds, before.labelIds)) {
      const to = [...new Set(target.labelIds)].sort();
      changes.labelIds = { from: before.labelIds, to };
      for (const id of to) if (!before.labelIds.includes(id)) added.push([target.id, id]);
      for (const id of before.labelIds) if (!to.includes(id)) removed.push([target.id, id]);
    }
    if (Object.keys(changes).length === 0) continue;
    changed.push({ id: target.id, changes, before });
    if (changes.status || changes.assigneeId || changes.snoozedUntil)
      fields.push({
        id: target.id,
        status: changes.status?.to ?? before.status,
        assigneeId: changes.assigneeId ? changes.assigneeId.to : before.assigneeId,
        snoozedUntil,
      });
  }
  if (fields.length > 0)
    await tx.$executeRaw`
      UPDATE "Conversation" c
      SET status = t.status::"ConversationStatus", "assigneeId" = t."assigneeId",
        "snoozedUntil" = t."snoozedUntil"::timestamp(3), "updatedAt" = now()
      FROM unnest(${fields.map((r) => r.id)}::text[], ${fields.map((r) => r.status)}::text[],
                  ${fields.map((r) => r.assigneeId)}::text[],
                  ${fields.map((r) => r.snoozedUntil)}::text[]) AS t(id, status, "assigneeId", "snoozedUntil")
      WHERE c."workspaceId" = ${workspaceId} AND c.id = t.id`;
  if (added.length > 0)
    // lastMessageAt is taken from the conversation by the insert trigger (see the labels migration).
    await tx.$executeRaw`
      INSERT INTO "ConversationLabel" ("workspaceId", "conversationId", "labelId", "lastMessageAt")
      SELECT ${workspaceId}, t.c, t.l, now()
      FROM unnest(${added.map(([c]) => c)}::text[], ${added.map(([, l]) => l)}::text[]) AS t(c, l)
      ON CONFLICT DO NOTHING`;
  if (removed.length > 0)
    await tx.$executeRaw`
      DELETE FROM "ConversationLabel" cl
      USING unnest(${removed.map(([c]) => c)}::text[], ${removed.map(([, l]) => l)}::text[]) AS t(c, l)
      WHERE cl."workspaceId" = ${workspaceId} AND cl."conversationId" = t.c AND cl."labelId" = t.l`;
  if (changed.length === 0) return { changed, deliveryIds: [] as string[], notified: [] };
  // A new assignee hears of each conversation given to them (the undo of a change notifies nobody).
  const notified = notify
    ? await createNotifications(tx, {
        workspaceId,
        kind: "assigned",
        actorId: caller.memberId,
        items: changed.flatMap(({ id, changes }) =>
          changes.assigneeId?.to
            ? [{ recipientId: changes.assigneeId.to, conversationId: id, messageId: null }]
            : [],
        ),
      })
    : [];
  const after = await tx.conversation.findMany({
    where: { workspaceId, id: { in: changed.map((c) => c.id) } },
    select: conversationSelect,
  });
  const byId = new Map(after.map((row) => [row.id, row]));
  const deliveryIds = await recordConversationsUpdated(
    tx,
    workspaceId,
    changed.flatMap(({ id, changes }) => {
      const row = byId.get(id);
      return row ? [{ conversation: row, changes }] : [];
    }),
  );
  return { changed, deliveryIds, notified };
}

function announce(caller: Caller, count: number, deliveryIds: string[]) {
  // One live event for the whole change: every open inbox refetches once, not once per row.
  if (count > 0)
    publishAfterCommit({ type: "conversations.updated", workspaceId: caller.workspaceId, count });
  dispatchDeliveries(deliveryIds);
}

function byIds(caller: Caller, ids: string[]): Prisma.Sql {
  return Prisma.sql`c."workspaceId" = ${caller.workspaceId} AND c.id = ANY(${ids}::text[])`;
}

/**
 * One change (status, a snooze, assignee, labels on or off) to up to 1,000 conversations, picked by id or
 * by the inbox's filters: all of them or none. Returns what each changed one was before, which
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
    let states: State[];
    if ("ids" in target) {
      const ids = [...new Set(target.ids)];
      states = await lockStates(tx, byIds(caller, ids), BULK_MAX);
      // All or none: an id that is missing, or another workspace's, fails the whole change.
      if (states.length !== ids.length) throw notFound("target.ids", "conversation");
    } else {
      states = await lockStates(tx, conversationWhereSql(caller, target.filter), BULK_MAX + 1);
      if (states.length > BULK_MAX)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `target.filter: more than ${BULK_MAX} conversations match; narrow the filter`,
        });
    }
    await assertMember(tx, workspaceId, change.assigneeId, "change.assigneeId");
    const add = [...(await existingLabels(tx, workspaceId, change.addLabelIds ?? [], "change.addLabelIds"))];
    const remove = await existingLabels(
      tx,
      workspaceId,
      change.removeLabelIds ?? [],
      "change.removeLabelIds",
    );
    const labelled = add.length > 0 || remove.size > 0;
    const targets = states.map((state) => ({
      id: state.id,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.snoozeUntil ? { status: "snoozed" as const, snoozedUntil: change.snoozeUntil } : {}),
      ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
      ...(labelled
        ? { labelIds: [...new Set([...state.labelIds, ...add])].filter((id) => !remove.has(id)) }
        : {}),
    }));
    const { changed, deliveryIds, notified } = await apply(tx, caller, states, targets, true);
    return { matched: states.length, previous: changed.map((c) => c.before), deliveryIds, notified };
  }, TRANSACTION);
  announce(caller, result.previous.length, result.deliveryIds);
  publishNotifications(workspaceId, result.notified);
  if (change.snoozeUntil) {
    const until = new Date(change.snoozeUntil).toISOString();
    scheduleWakeUps(result.previous.map(({ id }) => ({ workspaceId, conversationId: id, until })));
  }
  return { matched: result.matched, changed: result.previous.length, previous: result.previous };
}

/**
 * Puts conversations back as `bulkUpdate` found them (its `previous`): the undo. All or none; an
 * assignee who has left the workspace since is a NOT_FOUND; a label deleted since stays gone.
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
    const states = await lockStates(tx, byIds(caller, ids), BULK_MAX);
    if (states.length !== ids.length) throw notFound("items.id", "conversation");
    for (const memberId of new Set(items.map((item) => item.assigneeId)))
      await assertMember(tx, workspaceId, memberId, "items.assigneeId");
    const labels = await existingLabels(
      tx,
      workspaceId,
      items.flatMap((item) => item.labelIds),
    );
    const targets = items.map((item) => ({
      ...item,
      labelIds: item.labelIds.filter((id) => labels.has(id)),
    }));
    return apply(tx, caller, states, targets, false);
  }, TRANSACTION);
  announce(caller, result.changed.length, result.deliveryIds);
  scheduleWakeUps(
    items.flatMap((item) =>
      item.status === "snoozed" && item.snoozedUntil
        ? [{ workspaceId, conversationId: item.id, until: item.snoozedUntil }]
        : [],
    ),
  );
  return { changed: result.changed.length };
}
