"use client";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { onNotificationsArrived } from "@/components/notifications/arrivals";
import { desktopState } from "@/components/notifications/desktop";
import { setTitleCount } from "@/components/notifications/tab-title";

// The panel and the desktop notice are not needed at first paint: loaded when first used.
const NotificationPanel = lazy(() =>
  import("@/components/notifications/notification-panel").then((module) => ({
    default: module.NotificationPanel,
  })),
);

/**
 * The bell in the page header: the unread count (live through the tab's stream), `g n` or a click
 * opens the panel. While the tab is hidden and the member turned them on, a new notification
 * also shows as a desktop notification.
 */
export function NotificationBell() {
  const t = useStrings("notifications");
  const unread = trpc.v1.notifications.unreadCount.useQuery(undefined, { staleTime: 60_000 });
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const utils = trpc.useUtils();
  useShortcut("notifications.open", () => {
    setOpen(true);
    return true;
  });

  const count = unread.data?.count ?? 0;
  const shown = unread.data?.capped ? "99+" : String(count);
  useEffect(() => setTitleCount("notifications", count > 0 ? `🔔${shown}` : ""), [count, shown]);

  useEffect(
    () =>
      onNotificationsArrived((ids) => {
        if (document.visibilityState !== "hidden" || desktopState() !== "on") return;
        void import("@/components/notifications/desktop-notice").then(({ showDesktopNotices }) =>
          showDesktopNotices(utils, ids, t),
        );
      }),
    [utils, t],
  );

  return (
    <div ref={area} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={count > 0 ? format(t.bellUnread, { count: shown }) : t.bell}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        className="relative flex items-center rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-5">
          <path
            d="M10 2.5a5 5 0 0 0-5 5v3.2L3.6 13.5h12.8L15 10.7V7.5a5 5 0 0 0-5-5ZM8 15.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 ? (
          <span
            aria-hidden
            data-testid="notification-count"
            className="-top-1.5 -end-1.5 absolute min-w-5 rounded-full bg-red-700 px-1 text-center font-semibold text-white text-xs leading-5"
          >
            {shown}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <NotificationPanel
            area={area}
            onClose={(refocus) => {
              setOpen(false);
              if (refocus) button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
