import type { Caller } from "@/server/auth/caller";
import { messageSelect, toMessageOutput } from "@/server/connect/message-select";
import type { Db } from "@/server/db/client";
import type { ThreadInput, ThreadOutput } from "@/server/messages/schemas";
import { notFound } from "@/server/trpc/errors";

// A reply chain deeper than this is not a conversation a person reads; it also bounds the walk
// over a (corrupt) parent cycle.
const MAX_DEPTH = 100;

/**
 * The whole thread a message belongs to: its top-most ancestor and every reply below it, at
 * any depth, oldest first. Opening the thread from any of its messages shows the same thread.
 */
export async function getThread(db: Db, caller: Caller, { messageId }: ThreadInput): Promise<ThreadOutput> {
  const { workspaceId } = caller;
  const link = (id: string) =>
    db.message.findFirst({
      where: { id, workspaceId },
      select: { id: true, parentId: true, conversationId: true },
    });
  const asked = await link(messageId);
  if (!asked) throw notFound("messageId", "message");
  let current = asked;
  const ancestors = new Set([asked.id]);
  while (current.parentId && !ancestors.has(current.parentId) && ancestors.size < MAX_DEPTH) {
    const parent = await link(current.parentId);
    if (!parent) break;
    ancestors.add(parent.id);
    current = parent;
  }
  const rootId = current.id;

  const descendantIds: string[] = [];
  const seen = new Set([rootId]);
  let level = [rootId];
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth += 1) {
    const children = await db.message.findMany({
      where: { workspaceId, conversationId: current.conversationId, parentId: { in: level } },
      select: { id: true },
    });
    level = children.map((c) => c.id).filter((id) => !seen.has(id));
    for (const id of level) seen.add(id);
    descendantIds.push(...level);
  }

  const [root, replies] = await Promise.all([
    db.message.findFirst({ where: { id: rootId, workspaceId }, select: messageSelect }),
    db.message.findMany({
      where: { id: { in: descendantIds }, workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: messageSelect,
    }),
  ]);
  if (!root) throw notFound("messageId", "message");
  return { root: toMessageOutput(root), replies: replies.map(toMessageOutput) };
}
