"use client";
import { useCallback, useState } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { useLiveInbox } from "@/components/live/use-live-inbox";
import type { MessageOutput } from "@/server/connect/schemas";

/** How many announcements stay in the live region; screen readers read each one as it is added. */
const KEPT_ANNOUNCEMENTS = 3;

/**
 * Keeps the inbox live: mount once per tab, inside the locale provider. Announces new messages
 * in the open conversation to screen readers, and shows when the live connection is down.
 */
export function LiveInbox({ conversationId }: { conversationId: string | null }) {
  const t = useStrings("live");
  const [announcements, setAnnouncements] = useState<{ key: string; text: string }[]>([]);
  const onNewMessage = useCallback(
    (message: MessageOutput) => {
      const name = message.sender.name?.trim();
      const text = name ? format(t.newMessageFrom, { name }) : t.newMessage;
      setAnnouncements((shown) => [...shown, { key: message.id, text }].slice(-KEPT_ANNOUNCEMENTS));
    },
    [t],
  );
  const { connected, reconnecting } = useLiveInbox({ conversationId, onNewMessage });
  return (
    <>
      <div
        aria-live="polite"
        className="sr-only"
        data-testid="live-announcements"
        data-live={connected ? "connected" : "down"}
      >
        {announcements.map((announcement) => (
          <p key={announcement.key}>{announcement.text}</p>
        ))}
      </div>
      {reconnecting ? (
        <div
          role="status"
          className="fixed bottom-3 end-3 z-50 rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900 shadow-sm"
        >
          {t.reconnecting}
        </div>
      ) : null}
    </>
  );
}
