"use client";
import { useStrings } from "@/components/i18n/locale";
import type { MessageOutput } from "@/server/connect/schemas";

/** The sender's name, or what they are when the name is unknown ("Customer", "AI assistant"). */
export function useSenderName(): (message: Pick<MessageOutput, "sender">) => string {
  const t = useStrings("messages");
  return ({ sender }) => sender.name?.trim() || t[sender.type];
}
