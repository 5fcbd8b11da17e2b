import { openConversation } from "@/components/inbox/conversation-route";

/** Goes to the notification's conversation, at its message: in place in the inbox, else by loading it. */
export function goToNotification(target: { conversationId: string; messageId: string | null }): void {
  if (window.location.pathname === "/inbox" || window.location.pathname.startsWith("/inbox/")) {
    openConversation(target.conversationId, target.messageId);
    return;
  }
  window.location.assign(`/inbox/${encodeURIComponent(target.conversationId)}`);
}
