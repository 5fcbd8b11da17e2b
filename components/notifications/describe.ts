import { format } from "@/components/i18n/locale";
import type { notificationsStrings } from "@/components/notifications/strings";
import type { NotificationOutput } from "@/server/notifications/schemas";

type Strings = (typeof notificationsStrings)["en"];

/** What happened, in a line: "Ada mentioned you", "Ada assigned you", "Mehmet wrote". */
export function describeNotification(n: NotificationOutput, t: Strings): { what: string; where: string } {
  const actor = n.actor?.name ?? t.someone;
  const customer = n.conversationTitle || t.someone;
  const what =
    n.kind === "mention"
      ? format(t.mention, { actor })
      : n.kind === "assigned"
        ? format(t.assigned, { actor })
        : format(t.customerMessage, { customer });
  return { what, where: format(t.inConversation, { customer }) };
}
