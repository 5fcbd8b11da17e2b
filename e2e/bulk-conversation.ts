import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/**
 * The seeded 2,000-message conversation ("Bulk order history") of the demo workspace: read-only
 * journeys share it, so both workers may use it at once. Its id, and its newest and oldest message.
 */
export async function seededBulkConversation() {
  const { items } = await api.v1.conversations.list.query({ search: "Bulk order history", limit: 5 });
  const conversation = items.find((c) => c.subject === "Bulk order history");
  if (!conversation) throw new Error("the seeded bulk conversation is missing");
  const [newest, oldest] = await Promise.all([
    api.v1.connect.listMessages.query({ conversationId: conversation.id, limit: 1 }),
    api.v1.connect.listMessages.query({ conversationId: conversation.id, limit: 1, from: "start" }),
  ]);
  const [newestId, oldestId] = [newest.items[0]?.id, oldest.items[0]?.id];
  if (!newestId || !oldestId || newestId === oldestId) throw new Error("the bulk conversation is too short");
  return { id: conversation.id, newestId, oldestId };
}
