import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { type EventBus, eventBus } from "@/server/events/bus";
import { MemoryWindowLimiter } from "@/server/limits/memory-window";
import { type PresenceRegistry, presenceRegistry } from "@/server/presence/registry";
import type { PresenceOutput, UpdatePresenceInput } from "@/server/presence/schemas";
import { notFound } from "@/server/trpc/errors";

// A tab sends a typing signal at most every 2.5 s and refreshes every 20 s: 24 + 3 a minute. The
// rest is room for several tabs and quick moves between conversations, not for a flood.
const limiter = new MemoryWindowLimiter({ points: 120, windowMs: 60_000 });

/**
 * Says that the caller's tab has a conversation of their workspace open, is typing in it, or
 * left it, to the colleagues viewing it (over the event bus, so on every instance), and answers
 * who else is there now. Nothing is stored.
 */
export async function updatePresence(
  db: Db,
  caller: Caller,
  input: UpdatePresenceInput,
  services: { bus?: EventBus; registry?: PresenceRegistry } = {},
): Promise<PresenceOutput> {
  const { workspaceId, memberId } = caller;
  // Listening before the first publish, so the registry has this process's first event too.
  const registry = services.registry ?? presenceRegistry();
  if (!limiter.take(`${workspaceId}/${memberId}`)) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many presence updates; slow down." });
  }
  const conversation = await db.conversation.findFirst({
    where: { id: input.conversationId, workspaceId },
    select: { id: true },
  });
  if (!conversation) throw notFound("conversationId", "conversation");
  await (services.bus ?? eventBus()).publish({
    type: "presence",
    workspaceId,
    conversationId: conversation.id,
    memberId,
    connectionId: input.connectionId,
    activity: input.activity,
  });
  if (input.activity === "left") return { tabs: [] };
  return { tabs: registry.colleagueTabs(workspaceId, conversation.id, memberId) };
}
