import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL, e2eCredentials } from "@/e2e/config";

/** The demo owner's API key: what a test creates through it is its own. */
export const plato = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey: e2eCredentials.apiKey });

/** A conversation of the test's own with customer `name` and their messages, on the Website channel. */
export async function createCustomerConversation(name: string, texts: string[], subject = `About ${name}`) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, ".");
  const conversation = await plato.v1.conversations.create.mutate({
    customer: { name, email: `${slug}@e2e.example.com`, externalId: `e2e_${slug}` },
    channelIdentifier: "example.com",
    subject,
  });
  for (const text of texts) {
    await plato.v1.connect.send.mutate({
      conversationId: conversation.id,
      content: { en: text },
      sender: "customer",
    });
  }
  return conversation;
}

/**
 * A channel of the test's own with one conversation per name on it ("<name> <token>", a message
 * from them), so the list and the tabs' counts under that channel hold only these.
 */
export async function conversationsOnOwnChannel(token: string, names: string[]) {
  const channel = await plato.v1.channels.create.mutate({
    name: `Channel ${token}`,
    kind: "website",
    identifier: `${token}.example.com`,
  });
  const conversations = [];
  for (const name of names) {
    const conversation = await plato.v1.conversations.create.mutate({
      customer: { name: `${name} ${token}`, email: `${name.toLowerCase()}.${token}@e2e.example.com` },
      channelId: channel.id,
      subject: `${name} asks`,
    });
    await plato.v1.connect.send.mutate({
      conversationId: conversation.id,
      content: { en: `Hello from ${name}` },
      sender: "customer",
    });
    conversations.push(conversation);
  }
  return { channel, conversations };
}
