// The Anthropic Messages API as far as a non-streaming reply goes, on 127.0.0.1, for tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAnthropic = {
  baseUrl: string;
  requests: { apiKey: string | null; body: Record<string, unknown> }[];
  close: () => Promise<void>;
};

export async function startFakeAnthropic(text: string): Promise<FakeAnthropic> {
  const requests: FakeAnthropic["requests"] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/messages")) {
      res.writeHead(404).end();
      return;
    }
    const apiKey = req.headers["x-api-key"];
    requests.push({
      apiKey: typeof apiKey === "string" ? apiKey : null,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
    });
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: "msg_test",
        type: "message",
        role: "assistant",
        model: "claude-test",
        content: [{ type: "text", text }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 5 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
