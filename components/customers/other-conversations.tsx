"use client";
import { useRef } from "react";
import { trpc } from "@/client/trpc";
import { CustomerConversationLinks } from "@/components/customers/customer-conversations";
import { moveFocusInList } from "@/components/customers/list-keys";
import { useStrings } from "@/components/i18n/locale";
import { openConversation } from "@/components/inbox/conversation-route";

const SHOWN = 5;

/**
 * The details panel's "other conversations" of the customer, newest first; a few, and the profile
 * for all. Loaded on its own (next to the panel, not in the inbox's first load).
 */
export function OtherConversations({
  customerId,
  conversationId,
}: {
  customerId: string;
  conversationId: string;
}) {
  const t = useStrings("customers");
  const list = useRef<HTMLDivElement>(null);
  const others = trpc.v1.customers.conversations.useQuery({
    customerId,
    exceptConversationId: conversationId,
    limit: SHOWN,
  });
  return (
    <section aria-labelledby="details-other-conversations" className="border-b border-slate-200 p-4">
      <h3 id="details-other-conversations" className="mb-2 text-xs font-semibold text-slate-600 uppercase">
        {t.otherConversations}
      </h3>
      {others.data ? (
        others.data.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t.noOtherConversations}</p>
        ) : (
          <div ref={list}>
            <CustomerConversationLinks
              conversations={others.data.items}
              onOpen={(id) => openConversation(id)}
              onKeyDown={(event) => moveFocusInList(event, list.current)}
            />
          </div>
        )
      ) : others.isError ? (
        <p className="text-sm text-slate-600">{t.loadError}</p>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          {t.loading}
        </p>
      )}
      {others.data?.nextCursor ? (
        <a
          href={`/customers/${encodeURIComponent(customerId)}`}
          className="mt-2 inline-block text-sm text-blue-700 underline-offset-2 hover:underline"
        >
          {t.showAll}
        </a>
      ) : null}
    </section>
  );
}
