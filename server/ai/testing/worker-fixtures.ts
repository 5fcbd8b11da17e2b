// What the AI worker tests share: a seeded conversation whose agent answers through a fake
// model, waiting for a run to settle, and the `npm run worker` process.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect, vi } from "vitest";
import { runRow } from "@/server/ai/test-helpers";
import type { Caller } from "@/server/auth/caller";
import { sendMessage } from "@/server/connect/send-message";
import type { Db } from "@/server/db/client";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** A workspace, a conversation and an agent that answers through the fake model. */
export async function seed(db: Db, baseUrl: string) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const workspace = await db.workspace.create({ data: { name: "AI worker", slug: `ai-${suffix}` } });
  const user = await db.user.create({
    data: { email: `owner-${suffix}@test.connect-inbox.test`, name: "Owner", passwordHash: "x" },
  });
  const member = await db.member.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "owner" },
  });
  const channel = await db.channel.create({
    data: { workspaceId: workspace.id, kind: "website", name: "Site", identifier: `site-${suffix}` },
  });
  const customer = await db.customer.create({ data: { workspaceId: workspace.id, name: "Ayşe" } });
  const conversation = await db.conversation.create({
    data: { workspaceId: workspace.id, customerId: customer.id, channelId: channel.id },
  });
  const agent = await db.aiAgent.create({
    data: { workspaceId: workspace.id, name: "Helper", provider: "openai_compatible", model: "m", baseUrl },
  });
  const caller: Caller = { workspaceId: workspace.id, memberId: member.id, role: "owner", via: "apiKey" };
  const ask = async (en: string) => {
    const message = await sendMessage(db, caller, {
      conversationId: conversation.id,
      sender: "customer",
      content: { en },
      ai: { agentId: agent.id },
    });
    const run = await db.aiRun.findFirstOrThrow({
      where: { triggerMessageId: message.id },
      select: { id: true },
    });
    return { messageId: message.id, runId: run.id };
  };
  return { ask };
}

export async function settled(db: Db, runId: string, status: "succeeded" | "failed" = "succeeded") {
  await vi.waitFor(
    async () => {
      expect((await runRow(db, runId)).status).toBe(status);
    },
    { timeout: 30_000, interval: 100 },
  );
}

export type WorkerProcess = {
  /** The supervisor (`npm run worker`). */
  child: ChildProcess;
  /** Resolves once the first worker process works on runs. */
  started: Promise<void>;
  /** The worker processes the supervisor has started, in order. */
  workerPids: () => number[];
  /** Everything printed so far. */
  output: () => string;
};

/** `npm run worker` on the database at `url`, as an operator runs it. */
export function startWorkerProcess(url: string, env: Record<string, string> = {}): WorkerProcess {
  // Not the tsx CLI: it relays SIGTERM and SIGKILLs the child when the relay takes over 30 ms.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      EVENT_BUS: "memory",
      AI_WORKER_CONCURRENCY: "1",
      AI_RUN_TIMEOUT_MS: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", () => {
      if (output.includes("working on runs")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited early with ${code}: ${output}`)));
  });
  started.catch(() => {});
  const workerPids = () => [...output.matchAll(/worker process (\d+) started/g)].map((m) => Number(m[1]));
  return { child, started, workerPids, output: () => output };
}
