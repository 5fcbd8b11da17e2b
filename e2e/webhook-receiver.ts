// An integrator's webhook receiver on 127.0.0.1 (the server tests' own), with each delivery's
// event parsed, answering with the status the test sets.
import { type ReceivedWebhook, startWebhookReceiver } from "@/server/webhooks/test-receiver";

export type ReceivedDelivery = ReceivedWebhook & {
  event: { type: string; timestamp: string; data: Record<string, unknown> };
};

export async function startReceiver() {
  const server = await startWebhookReceiver();
  return {
    url: `${server.baseUrl}/hooks`,
    get received(): ReceivedDelivery[] {
      return server.received.map((request) => ({ ...request, event: JSON.parse(request.body) }));
    },
    /** What the receiver answers from now on. */
    answer(status: number) {
      server.answerWith(() => ({ status, body: status < 300 ? "ok" : "receiver is down" }));
    },
    close: server.close,
  };
}
