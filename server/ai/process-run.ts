import { answerFromKnowledge } from "@/server/ai/builtin/answer";
import { blockedRunError } from "@/server/ai/connection";
import { buildRunContext, type ContextAgent, contextAgentSelect } from "@/server/ai/context";
import { publishRunUpdated } from "@/server/ai/events";
import { detectLocale } from "@/server/ai/language";
import { callModel } from "@/server/ai/providers";
import {
  describeError,
  errorForLog,
  isRetryable,
  PermanentRunError,
  RetryableRunError,
} from "@/server/ai/run-errors";
import { parseStoredOutput } from "@/server/ai/run-select";
import type { StoredRunOutput } from "@/server/ai/schemas";
import { transformText } from "@/server/ai/transform-text";
import { recordMessageActivity } from "@/server/connect/conversation-activity";
import { INTERNAL_FLAG } from "@/server/connect/send-message";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { AiRunKind } from "@/server/db/generated/enums";
import { env } from "@/server/env";
import { publishAfterCommit } from "@/server/events/publish";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { recordRunEnded } from "@/server/webhooks/events";
import { recordWebhookEvent } from "@/server/webhooks/outbox";

// Worker deaths a run survives before it fails: a run that kills every worker must end.
const MAX_LOST_ATTEMPTS = 3;

export type RunDeps = {
  /** Each attempt's provider call is aborted after this long. */
  timeoutMs: number;
  /** Attempts (provider calls) before the run fails; counted since a member last queued it. */
  maxAttempts: number;
  maxRunsPerConversation: number;
  /** A run "running" with no heartbeat for this long lost its worker and may be claimed again. */
  staleAfterMs: number;
  /** Aborted when the worker stops: the run goes back to the queue for another worker. */
  signal?: AbortSignal;
  /** How often streamed text is saved (and announced) while a draft is written. */
  partialIntervalMs?: number;
};

export function runDepsFromEnv(overrides: Partial<RunDeps> = {}): RunDeps {
  const config = env();
  return {
    timeoutMs: config.AI_RUN_TIMEOUT_MS,
    maxAttempts: config.AI_RUN_MAX_ATTEMPTS,
    maxRunsPerConversation: config.AI_MAX_RUNS_PER_CONVERSATION,
    staleAfterMs: config.AI_RUN_LEASE_MS,
    ...overrides,
  };
}

export type RunOutcome =
  | { outcome: "succeeded"; conversationId: string }
  /** Failed for good; a member may retry it. */
  | { outcome: "failed"; conversationId: string; error: string }
  /** This attempt failed and the run is queued again: the job should be retried with backoff. */
  | { outcome: "retry"; conversationId: string; error: string }
  /** The conversation has as many runs running as allowed; try again later. */
  | { outcome: "deferred"; conversationId: string }
  /** The worker is stopping; the run is queued again, its attempt not counted. */
  | { outcome: "released"; conversationId: string }
  /** Nothing to do: no such run, already finished, being run by a live worker, or reclaimed meanwhile. */
  | { outcome: "skipped"; reason: "missing" | "finished" | "taken" | "superseded" };

type ClaimedRun = {
  id: string;
  workspaceId: string;
  conversationId: string;
  triggerMessageId: string;
  channelId: string | null;
  agentId: string;
  kind: AiRunKind;
  /** This attempt's number: every later write is fenced on it, so a reclaimed run ignores a lost worker. */
  attempts: number;
  lostAttempts: number;
  output: Prisma.JsonValue;
};

type Claim =
  | { claimed: ClaimedRun }
  | { outcome: Extract<RunOutcome, { outcome: "skipped" | "deferred" }> }
  /** A run whose workers kept dying has used up its attempts. */
  | { gaveUp: { workspaceId: string; conversationId: string; error: string; deliveryIds: string[] } };

async function claimRun(db: Db, runId: string, deps: RunDeps): Promise<Claim> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      {
        workspaceId: string;
        conversationId: string;
        status: string;
        lostAttempts: number;
        stale: boolean;
      }[]
    >`
      SELECT "workspaceId", "conversationId", "status"::text AS "status", "lostAttempts",
        COALESCE(COALESCE("heartbeatAt", "startedAt") < now() - ${deps.staleAfterMs} * interval '1 millisecond', true) AS "stale"
      FROM "AiRun" WHERE "id" = ${runId} FOR UPDATE`;
    if (!row) return { outcome: { outcome: "skipped", reason: "missing" } };
    if (row.status === "succeeded" || row.status === "failed") {
      return { outcome: { outcome: "skipped", reason: "finished" } };
    }
    if (row.status === "running" && !row.stale) return { outcome: { outcome: "skipped", reason: "taken" } };
    // A "running" run past its lease: its worker died. That attempt does not count against the
    // run's attempts, but a run that keeps killing workers fails.
    const takeover = row.status === "running";
    if (takeover && row.lostAttempts + 1 >= MAX_LOST_ATTEMPTS) {
      const error = `The worker stopped ${row.lostAttempts + 1} times while working on this run.`;
      await tx.aiRun.update({
        where: { id: runId },
        data: { status: "failed", error, finishedAt: new Date() },
      });
      const deliveryIds = await recordRunEnded(
        tx,
        { id: runId, workspaceId: row.workspaceId },
        "ai_run.failed",
      );
      return {
        gaveUp: { workspaceId: row.workspaceId, conversationId: row.conversationId, error, deliveryIds },
      };
    }

    // Serializes claims within one conversation, so the running count below cannot race.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ai-run:${row.conversationId}`}, 0))`;
    const [busy] = await tx.$queryRaw<{ running: number }[]>`
      SELECT count(*)::int AS "running" FROM "AiRun"
      WHERE "conversationId" = ${row.conversationId} AND "status" = 'running' AND "id" <> ${runId}
        AND COALESCE("heartbeatAt", "startedAt") >= now() - ${deps.staleAfterMs} * interval '1 millisecond'`;
    if ((busy?.running ?? 0) >= deps.maxRunsPerConversation) {
      return { outcome: { outcome: "deferred", conversationId: row.conversationId } };
    }

    await tx.$executeRaw`
      UPDATE "AiRun" SET "status" = 'running', "attempts" = "attempts" + 1, "startedAt" = now(),
        "heartbeatAt" = now(), "finishedAt" = NULL, "updatedAt" = now(),
        "lostAttempts" = "lostAttempts" + ${takeover ? 1 : 0}
      WHERE "id" = ${runId}`;
    const claimed = await tx.aiRun.findUniqueOrThrow({
      where: { id: runId },
      select: {
        id: true,
        workspaceId: true,
        conversationId: true,
        triggerMessageId: true,
        channelId: true,
        agentId: true,
        kind: true,
        attempts: true,
        lostAttempts: true,
        output: true,
      },
    });
    return { claimed };
  });
}

/** Only the claim that is still current may write: a reclaimed run's old worker writes nothing. */
function fenced(run: ClaimedRun) {
  return { id: run.id, status: "running" as const, attempts: run.attempts };
}

/**
 * Tells other workers this run's worker is alive, every third of the lease, until stopped: a
 * worker that dies stops writing, and its run is taken over once the lease runs out.
 */
function heartbeat(db: Db, run: ClaimedRun, leaseMs: number): () => void {
  const timer = setInterval(
    () => {
      db.aiRun
        .updateMany({ where: fenced(run), data: { heartbeatAt: new Date() } })
        .catch((error: unknown) => console.error("ai: heartbeat failed", run.id, error));
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** Saves streamed text at most every `intervalMs`, one write at a time, and announces it. */
function partialWriter(db: Db, run: ClaimedRun, base: StoredRunOutput, intervalMs: number) {
  let lastWrite = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    write(texts: StoredRunOutput["texts"]) {
      const now = Date.now();
      if (now - lastWrite < intervalMs) return;
      lastWrite = now;
      const output = { ...base, texts, partial: true } satisfies StoredRunOutput;
      chain = chain
        .then(async () => {
          const saved = await db.aiRun.updateMany({ where: fenced(run), data: { output } });
          if (saved.count > 0) publishRunUpdated(run);
        })
        .catch((error: unknown) => console.error("ai: could not save partial output", run.id, error));
    },
    flushed: () => chain,
  };
}

type Result = {
  texts: StoredRunOutput["texts"];
  sources?: StoredRunOutput["sources"];
  post: boolean;
  internal: boolean;
};

async function produce(
  db: Db,
  run: ClaimedRun,
  agent: ContextAgent,
  signal: AbortSignal,
  onPartial: (texts: StoredRunOutput["texts"]) => void,
): Promise<Result> {
  if (run.kind === "translate" || run.kind === "rewrite") {
    const request = parseStoredOutput(run.output).request;
    if (!request) throw new PermanentRunError("the run has no text to transform");
    const customer = await db.conversation.findFirst({
      where: { id: run.conversationId, workspaceId: run.workspaceId },
      select: { customer: { select: { name: true } } },
    });
    const texts = await transformText(agent, run.kind, request, {
      signal,
      customerName: customer?.customer.name ?? null,
      onPartial,
    });
    return { texts, post: false, internal: false };
  }

  const context = await buildRunContext(db, run, agent);
  const post = run.kind === "reply" && agent.mode === "reply";
  if (agent.provider === "builtin") {
    const answer = await answerFromKnowledge(db, {
      workspaceId: run.workspaceId,
      workspaceName: context.workspaceName,
      question: context.question,
      locale: context.locale,
      customer: context.customer,
    });
    return {
      texts: { [context.locale]: answer.text },
      sources: answer.sources,
      post,
      internal: context.trigger.internal,
    };
  }
  const text = (
    await callModel(agent, {
      system: context.system,
      prompt: context.prompt,
      signal,
      ...(post ? {} : { onPartial: (soFar: string) => onPartial({ [context.locale]: soFar }) }),
    })
  ).trim();
  if (!text) throw new RetryableRunError("The model answered with no text.");
  const locale = detectLocale(text) ?? context.locale;
  return { texts: { [locale]: text }, post, internal: context.trigger.internal };
}

/** Posts the reply (if any) and marks the run succeeded in one transaction; false when the claim was lost. */
async function finish(db: Db, run: ClaimedRun, agentId: string, base: StoredRunOutput, result: Result) {
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      { status: string; attempts: number; replyMessageId: string | null }[]
    >`
      SELECT "status"::text AS "status", "attempts", "replyMessageId" FROM "AiRun" WHERE "id" = ${run.id} FOR UPDATE`;
    if (current?.status !== "running" || current.attempts !== run.attempts) return null;

    let reply: { id: string } | null = null;
    const deliveryIds: string[] = [];
    if (result.post && !current.replyMessageId) {
      const content = result.texts as Prisma.InputJsonObject;
      const message = await tx.message.create({
        data: {
          workspaceId: run.workspaceId,
          conversationId: run.conversationId,
          content,
          senderType: "ai",
          senderAgentId: agentId,
          parentId: run.triggerMessageId,
          channelId: run.channelId,
          // An answer to an internal note stays internal.
          flags: result.internal ? [INTERNAL_FLAG] : [],
        },
        select: { id: true, createdAt: true },
      });
      await recordMessageActivity(tx, {
        workspaceId: run.workspaceId,
        conversationId: run.conversationId,
        createdAt: message.createdAt,
        content: result.texts,
        internal: result.internal,
        reopen: false,
      });
      reply = message;
      deliveryIds.push(
        ...(await recordWebhookEvent(tx, {
          workspaceId: run.workspaceId,
          type: "message.created",
          subjectId: message.id,
        })),
      );
    }
    const output: StoredRunOutput = {
      ...base,
      texts: result.texts,
      partial: false,
      ...(result.sources ? { sources: result.sources } : {}),
    };
    await tx.aiRun.update({
      where: { id: run.id },
      data: {
        status: "succeeded",
        error: null,
        finishedAt: new Date(),
        output,
        ...(reply ? { replyMessageId: reply.id } : {}),
      },
    });
    deliveryIds.push(...(await recordRunEnded(tx, run, "ai_run.succeeded")));
    return { replyMessageId: reply?.id ?? null, deliveryIds };
  });
}

/**
 * Runs one AI run to its next state. Safe to call any number of times, from any number of
 * workers, for the same run: the claim (queued → running, attempts + 1) lets one call through;
 * a "running" run whose worker is gone (past `staleAfterMs`) is claimed again; every later write
 * is fenced on the claim; the reply and the run's success commit together, so a run posts at
 * most one reply whatever crashes where.
 */
export async function processRun(db: Db, runId: string, deps: RunDeps): Promise<RunOutcome> {
  const claim = await claimRun(db, runId, deps);
  if ("outcome" in claim) return claim.outcome;
  if ("gaveUp" in claim) {
    const { workspaceId, conversationId, error, deliveryIds } = claim.gaveUp;
    publishRunUpdated({ id: runId, workspaceId, conversationId });
    dispatchDeliveries(deliveryIds);
    return { outcome: "failed", conversationId, error };
  }
  const run = claim.claimed;
  publishRunUpdated(run);

  // What the run kept before this attempt: a transform's request, nothing for a reply.
  const request = parseStoredOutput(run.output).request;
  const base: StoredRunOutput = { texts: {}, partial: false, ...(request ? { request } : {}) };
  const timeout = AbortSignal.timeout(deps.timeoutMs);
  const signal = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  const partials = partialWriter(db, run, base, deps.partialIntervalMs ?? 250);
  const stopHeartbeat = heartbeat(db, run, deps.staleAfterMs);

  try {
    const agent = await db.aiAgent.findFirst({
      where: { id: run.agentId, workspaceId: run.workspaceId },
      select: contextAgentSelect,
    });
    if (!agent) throw new PermanentRunError("the agent no longer exists");
    if (agent.blockedReason) throw new PermanentRunError(blockedRunError(agent.blockedReason));
    const result = await produce(db, run, agent, signal, partials.write);
    await partials.flushed();
    const finished = await finish(db, run, agent.id, base, result);
    if (!finished) return { outcome: "skipped", reason: "superseded" };
    if (finished.replyMessageId) {
      publishAfterCommit({
        type: "message.created",
        workspaceId: run.workspaceId,
        conversationId: run.conversationId,
        messageId: finished.replyMessageId,
        aiRunId: null,
      });
    }
    publishRunUpdated(run);
    dispatchDeliveries(finished.deliveryIds);
    return { outcome: "succeeded", conversationId: run.conversationId };
  } catch (error) {
    await partials.flushed();
    const { conversationId } = run;
    // A transform keeps its request for the next attempt; streamed text of this one goes.
    const outputData = base.request ? { output: base } : { output: Prisma.DbNull };
    if (deps.signal?.aborted && !timeout.aborted) {
      const released = await db.aiRun.updateMany({
        where: fenced(run),
        data: { status: "queued", attempts: { decrement: 1 }, ...outputData },
      });
      if (released.count === 0) return { outcome: "skipped", reason: "superseded" };
      publishRunUpdated(run);
      return { outcome: "released", conversationId };
    }
    const message = timeout.aborted ? `Timed out after ${deps.timeoutMs} ms.` : describeError(error);
    // The details (a provider's answer, a library's message) stay in the server's log.
    console.warn(`ai: run ${run.id} attempt ${run.attempts} failed: ${message} (${errorForLog(error)})`);
    const final = !isRetryable(error) || run.attempts - run.lostAttempts >= deps.maxAttempts;
    const updated = await db.$transaction(async (tx) => {
      const { count } = await tx.aiRun.updateMany({
        where: fenced(run),
        data: final
          ? { status: "failed", error: message, finishedAt: new Date(), ...outputData }
          : { status: "queued", error: message, ...outputData },
      });
      const deliveryIds = count > 0 && final ? await recordRunEnded(tx, run, "ai_run.failed") : [];
      return { count, deliveryIds };
    });
    if (updated.count === 0) return { outcome: "skipped", reason: "superseded" };
    publishRunUpdated(run);
    dispatchDeliveries(updated.deliveryIds);
    return final
      ? { outcome: "failed", conversationId, error: message }
      : { outcome: "retry", conversationId, error: message };
  } finally {
    stopHeartbeat();
  }
}
