import type { RunDeps } from "@/server/ai/process-run";
import type { Db } from "@/server/db/client";

/** Run settings for tests: generous timeouts, no throttling of streamed text. */
export function testDeps(overrides: Partial<RunDeps> = {}): RunDeps {
  return {
    timeoutMs: 10_000,
    maxAttempts: 3,
    maxRunsPerConversation: 1,
    staleAfterMs: 60_000,
    partialIntervalMs: 0,
    ...overrides,
  };
}

export async function repliesTo(db: Db, triggerMessageId: string) {
  return db.message.findMany({
    where: { parentId: triggerMessageId, senderType: "ai" },
    select: {
      id: true,
      content: true,
      senderType: true,
      senderAgentId: true,
      parentId: true,
      channelId: true,
      flags: true,
    },
  });
}

export async function runRow(db: Db, id: string) {
  return db.aiRun.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      attempts: true,
      error: true,
      output: true,
      replyMessageId: true,
      startedAt: true,
    },
  });
}
