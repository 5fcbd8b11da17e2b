// The load side of bench/live.ts, in a process of its own: holds one live stream (GET /api/live,
// server-sent events read as the browser's EventSource reads them) per member, says which conversation
// each has open, sends the typists' throttled typing signals, and records when each message
// reached each stream. Steered over IPC by bench/live.ts.
import { type IncomingMessage, request } from "node:http";

export type LiveClient = { baseUrl: string; cookie: string; connectionId: string; conversationId: string };
export type ClientCommand =
  | { type: "connect"; clients: LiveClient[] }
  | { type: "typing"; typists: number; everyMs: number }
  | { type: "stop-typing" }
  | { type: "arrivals" };

const arrivals = new Map<string, number[]>();
let presenceReceived = 0;
let typingTimers: NodeJS.Timeout[] = [];
let typingSent = 0;
let typingFailed = 0;
let clients: LiveClient[] = [];

function send(message: unknown) {
  process.send?.(message);
}

function openStream(client: LiveClient): Promise<void> {
  const query = new URLSearchParams({ connectionId: client.connectionId });
  return new Promise((resolve, reject) => {
    const req = request(`${client.baseUrl}/api/live?${query}`, {
      headers: { cookie: client.cookie, accept: "text/event-stream" },
      agent: false,
    });
    req.on("error", reject);
    req.on("response", (res: IncomingMessage) => {
      if (res.statusCode !== 200) return reject(new Error(`/api/live: ${res.statusCode}`));
      res.setEncoding("utf8");
      let buffer = "";
      let ready = false;
      res.on("data", (chunk: string) => {
        const at = Date.now();
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
          for (const line of block.split("\n")) {
            if (!line.startsWith("data:")) continue;
            const event = JSON.parse(line.slice(5)) as { type?: string; messageId?: string };
            if (event.type === "ready" && !ready) {
              ready = true;
              resolve();
            } else if (event.type === "message.created" && event.messageId) {
              const times = arrivals.get(event.messageId) ?? [];
              times.push(at);
              arrivals.set(event.messageId, times);
            } else if (event.type === "presence") presenceReceived++;
          }
        }
      });
    });
    req.end();
  });
}

async function presence(client: LiveClient, activity: "viewing" | "replying"): Promise<void> {
  const body = JSON.stringify({
    conversationId: client.conversationId,
    connectionId: client.connectionId,
    activity,
  });
  const response = await fetch(`${client.baseUrl}/api/trpc/v1.presence.update`, {
    method: "POST",
    headers: { cookie: client.cookie, origin: client.baseUrl, "content-type": "application/json" },
    body,
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`presence.update: ${response.status}`);
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

process.on("message", async (command: ClientCommand) => {
  try {
    if (command.type === "connect") {
      clients = [...clients, ...command.clients];
      await inBatches(command.clients, 50, openStream);
      await inBatches(command.clients, 20, (client) => presence(client, "viewing"));
      send({ type: "connected", count: clients.length });
    } else if (command.type === "typing") {
      const typists = clients.slice(0, command.typists);
      typingTimers = typists.map((client, index) => {
        const tick = () => {
          typingSent++;
          presence(client, "replying").catch(() => typingFailed++);
        };
        // Spread over the interval, as people type at their own moments.
        const start = setTimeout(
          () => {
            tick();
            typingTimers.push(setInterval(tick, command.everyMs));
          },
          (index * command.everyMs) / typists.length,
        );
        return start;
      });
      send({ type: "typing-started" });
    } else if (command.type === "stop-typing") {
      for (const timer of typingTimers) clearTimeout(timer);
      typingTimers = [];
      send({ type: "typing-stopped", typingSent, typingFailed, presenceReceived });
    } else if (command.type === "arrivals") {
      send({ type: "arrivals", arrivals: Object.fromEntries(arrivals), presenceReceived });
      arrivals.clear();
    }
  } catch (error) {
    send({ type: "error", message: String(error) });
  }
});
send({ type: "started" });
