"use client";
import { useMemo } from "react";
import { trpc } from "@/client/trpc";

/**
 * What a template's `{{…}}` can name: the customer, the conversation, the workspace and the agent
 * writing. The composer fills inserted templates from it; the template editor previews with it.
 */
export function useTemplateContext(conversationId: string | null) {
  const conversation = trpc.v1.conversations.get.useQuery(
    { id: conversationId ?? "" },
    { enabled: conversationId !== null },
  );
  const me = trpc.v1.workspace.me.useQuery();
  return useMemo(() => {
    const c = conversation.data;
    return {
      customer: c
        ? {
            name: c.customer.name,
            email: c.customer.email,
            phone: c.customer.phone,
            externalId: c.customer.externalId,
            ...(c.customer.metadata ?? {}),
            metadata: c.customer.metadata ?? {},
          }
        : {},
      conversation: c ? { id: c.id, subject: c.subject, status: c.status, channel: c.channel?.name } : {},
      workspace: me.data ? { name: me.data.workspace.name } : {},
      agent: me.data ? { name: me.data.user.name, email: me.data.user.email } : {},
    };
  }, [conversation.data, me.data]);
}
