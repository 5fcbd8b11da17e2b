// Webhooks, in-process against a fresh database: (1) `send` into a workspace with three
// subscribed endpoints beside one with none, interleaved, same run (the outbox CTE and the
// after-commit job cost); (2) a burst of 10,000 message.created events delivered by one worker
// process to a local receiver (node:http, in the same process): deliveries/s, none lost, none
// sent under two ids.
import { randomBytes } from "node:crypto";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import type { Caller } from "@/server/auth/caller";
import { sendMessage } from "@/server/connect/send-message";
import { createDb, type Db } from "@/server/db/client";
import { startWebhookQueue } from "@/server/webhooks/queue";
import { startWebhookReceiver } from "@/server/webhooks/test-receiver";

const BURST = Number(process.env.BENCH_WEBHOOK_BURST ?? 10_000);
const SEND_SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = 4;
const CONNECTIONS = 10;

async function seedWorkspace(db: Db, name: string, endpointUrls: string[]) {
  const suffix = randomBytes(4).toString("hex");
  const workspace = await db.workspace.create({
    data: { name, slug: `${name}-${suffix}` },
    select: { id: true },
  });
  const user = await db.user.create({
    data: { email: `${name}-${suffix}@bench.test`, name, passwordHash: "x" },
    select: { id: true },
  });
  const member = await db.member.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "owner" },
    select: { id: true },
  });
  const customer = await db.customer.create({
    data: { workspaceId: workspace.id, name: "Customer" },
    select: { id: true },
  });
  const conversation = await db.conversation.create({
    data: { workspaceId: workspace.id, customerId: customer.id },
    select: { id: true },
  });
  for (const url of endpointUrls) {
    await db.webhookEndpoint.create({
      data: {
        workspaceId: workspace.id,
        url,
        events: ["message.created"],
        secret: `whsec_${randomBytes(32).toString("base64")}`,
      },
      select: { id: true },
    });
  }
  const caller: Caller = { workspaceId: workspace.id, memberId: member.id, role: "owner", via: "apiKey" };
  return { caller, conversationId: conversation.id };
}

type Target = Awaited<ReturnType<typeof seedWorkspace>>;

/** `CONNECTIONS` sends in flight for `seconds`; latencies in ms. */
async function sendFor(db: Db, target: Target, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await sendMessage(db, target.caller, {
          conversationId: target.conversationId,
          content: { en: "Benchmark reply" },
        });
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

export async function benchWebhooks(serverUrl: string) {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_webhooks");
  const receiver = await startWebhookReceiver();
  // The receiver is on loopback: the operator's allow-list, as in the tests.
  process.env.OUTBOUND_ALLOWED_HOSTS = new URL(receiver.baseUrl).host;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    const none = await seedWorkspace(db, "none", []);
    const three = await seedWorkspace(
      db,
      "three",
      [1, 2, 3].map((n) => `${receiver.baseUrl}/send-${n}`),
    );
    // Sends queue their deliveries' jobs after commit, as in the app; no worker sends them here.
    const producer = await startWebhookQueue({ connectionString: database.url, db, work: false });
    await sendFor(db, none, 2);
    await sendFor(db, three, 2);
    const measured = { none: [] as number[], three: [] as number[] };
    const seconds = { none: 0, three: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (["none", "three"] as const) : (["three", "none"] as const)) {
        const slice = SEND_SECONDS / ROUNDS;
        measured[side].push(...(await sendFor(db, side === "none" ? none : three, slice)));
        seconds[side] += slice;
      }
    }
    await producer.stop();
    const sendRate = {
      none: measured.none.length / seconds.none,
      three: measured.three.length / seconds.three,
    };

    // The burst: BURST events with one endpoint each, written with no worker running, then one worker.
    const burst = await seedWorkspace(db, "burst", [`${receiver.baseUrl}/burst`]);
    await db.$executeRawUnsafe(`DELETE FROM "WebhookDelivery"`);
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'webhook-delivery'`);
    const writer = await startWebhookQueue({ connectionString: database.url, db, work: false });
    for (let i = 0; i < BURST; i += CONNECTIONS) {
      await Promise.all(
        Array.from({ length: Math.min(CONNECTIONS, BURST - i) }, () =>
          sendMessage(db, burst.caller, { conversationId: burst.conversationId, content: { en: "Burst" } }),
        ),
      );
    }
    await writer.stop();
    const started = performance.now();
    const worker = await startWebhookQueue({ connectionString: database.url, db, work: true });
    const deadline = Date.now() + 300_000;
    while (receiver.at("/burst").length < BURST && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // From the first delivery received to the last: the worker's start-up is not delivery.
    const arrivals = receiver.at("/burst").map((r) => r.at);
    const burstSeconds = ((arrivals.at(-1) ?? started) - (arrivals[0] ?? started)) / 1000;
    await worker.stop();
    const requests = receiver.at("/burst");
    const idsByMessage = new Map<string, Set<string>>();
    for (const request of requests) {
      const messageId = (JSON.parse(request.body) as { data: { id: string } }).data.id;
      const ids = idsByMessage.get(messageId) ?? new Set<string>();
      ids.add(String(request.headers["webhook-id"]));
      idsByMessage.set(messageId, ids);
    }
    const [succeeded] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "WebhookDelivery" WHERE status = 'succeeded'`,
    );
    const burstResult = {
      events: BURST,
      received: requests.length,
      distinctEvents: idsByMessage.size,
      eventsUnderTwoIds: [...idsByMessage.values()].filter((ids) => ids.size > 1).length,
      succeededRows: succeeded?.count ?? 0,
      seconds: burstSeconds,
      perSecond: BURST / burstSeconds,
    };

    const overhead = sendRate.three / sendRate.none;
    const rows = [
      [
        "send, no endpoint (req/s, p50 ms)",
        `${Math.round(sendRate.none)}, ${percentile(measured.none, 0.5).toFixed(2)}`,
        "baseline",
        "",
      ],
      [
        "send, three endpoints (req/s, p50 ms)",
        `${Math.round(sendRate.three)}, ${percentile(measured.three, 0.5).toFixed(2)}`,
        "≥ 90% of baseline",
        `${Math.round(overhead * 100)}% ${overhead >= 0.9 ? "✓" : "✗"}`,
      ],
      [
        `burst of ${BURST.toLocaleString("en")}: deliveries/s, one worker`,
        `${Math.round(burstResult.perSecond)} (${burstSeconds.toFixed(1)} s)`,
        "≥ 500",
        burstResult.perSecond >= 500 ? "✓" : "✗",
      ],
      [
        "burst: lost / sent under two ids",
        `${BURST - burstResult.distinctEvents} / ${burstResult.eventsUnderTwoIds}`,
        "0 / 0",
        BURST === burstResult.distinctEvents && burstResult.eventsUnderTwoIds === 0 ? "✓" : "✗",
      ],
    ];
    const table = [
      "| measure | value | target | met |",
      "|---|---|---|---|",
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n");
    console.log(`\nWebhooks (in-process, ${CONNECTIONS} sends in flight)\n\n${table}`);
    return { date: new Date().toISOString(), sendRate, burst: burstResult };
  } finally {
    await db.$disconnect();
    await receiver.close();
    await database.drop();
  }
}
