"use client";
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { useStrings } from "@/components/i18n/locale";
import { usePressOutside } from "@/components/menu/use-press-outside";
import { describeNotification } from "@/components/notifications/describe";
import { DESKTOP_KEY, type DesktopState, desktopState } from "@/components/notifications/desktop";
import { goToNotification } from "@/components/notifications/open-notification";
import { Button } from "@/components/ui/button";
import type { NotificationOutput } from "@/server/notifications/schemas";

const PAGE = 20;

/** Asks the browser for its permission: only here, on the member's click. */
async function enableDesktop(): Promise<DesktopState> {
  if (!("Notification" in window)) return "unsupported";
  const permission =
    Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
  if (permission === "granted") localStorage.setItem(DESKTOP_KEY, "on");
  return desktopState();
}

/**
 * The notification centre under the bell: newest first, unread ones marked. ↓/↑ move between
 * them, Enter (or a click) opens one at its message and marks it read; Escape closes and puts
 * focus back on the bell. Loaded when first opened.
 */
export function NotificationPanel({
  area,
  onClose,
}: {
  area: RefObject<HTMLDivElement | null>;
  onClose: (refocus: boolean) => void;
}) {
  const t = useStrings("notifications");
  const { relativeTime } = useFormatters();
  const utils = trpc.useUtils();
  const titleId = useId();
  const list = trpc.v1.notifications.list.useInfiniteQuery(
    { limit: PAGE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const refresh = () =>
    Promise.all([utils.v1.notifications.unreadCount.invalidate(), utils.v1.notifications.list.invalidate()]);
  const markRead = trpc.v1.notifications.markRead.useMutation({ onSettled: refresh });
  const markAllRead = trpc.v1.notifications.markAllRead.useMutation({ onSettled: refresh });
  const [desktop, setDesktop] = useState<DesktopState>(() => desktopState());
  const items = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  usePressOutside(area, () => onClose(false));

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  function open(n: NotificationOutput) {
    if (!n.readAt) markRead.mutate({ id: n.id });
    onClose(false);
    goToNotification(n);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Home" && event.key !== "End")
      return;
    const buttons = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-notification-id]") ?? []),
    ];
    if (buttons.length === 0) return;
    event.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : event.key === "ArrowDown"
            ? Math.min(at + 1, buttons.length - 1)
            : Math.max(at - 1, 0);
    buttons[next]?.focus();
  }

  return (
    <div
      ref={panelRef}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="absolute end-0 top-full z-50 mt-2 flex max-h-[70vh] w-96 max-w-[calc(100vw-2rem)] flex-col rounded-lg bg-white text-sm shadow-lg ring-1 ring-slate-200 outline-none"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id={titleId} className="font-semibold">
          {t.title}
        </h2>
        <Button
          size="sm"
          variant="secondary"
          disabled={!items.some((n) => !n.readAt)}
          onClick={() => markAllRead.mutate()}
        >
          {t.markAllRead}
        </Button>
      </div>
      {items.length === 0 && list.isSuccess ? <p className="px-3 py-4 text-slate-600">{t.empty}</p> : null}
      <ul ref={listRef} className="min-h-0 flex-1 overflow-y-auto">
        {items.map((n) => {
          const { what, where } = describeNotification(n, t);
          return (
            <li key={n.id} className="border-b border-slate-100 last:border-b-0">
              <button
                type="button"
                data-notification-id={n.id}
                onClick={() => open(n)}
                className={`flex w-full items-start gap-2 px-3 py-2 text-start hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700 ${
                  n.readAt ? "" : "bg-blue-50"
                }`}
              >
                <span
                  aria-hidden
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-blue-700"}`}
                />
                <span className="min-w-0 flex-1">
                  <span className={`block ${n.readAt ? "" : "font-semibold"}`}>
                    {n.readAt ? null : <span className="sr-only">{`${t.unread}: `}</span>}
                    {what}
                  </span>
                  <span className="block truncate text-slate-600">{where}</span>
                </span>
                <time dateTime={n.createdAt} className="shrink-0 text-slate-600 text-xs">
                  {relativeTime(n.createdAt)}
                </time>
              </button>
            </li>
          );
        })}
      </ul>
      {list.hasNextPage ? (
        <div className="border-t border-slate-200 px-3 py-2">
          <Button size="sm" variant="secondary" onClick={() => void list.fetchNextPage()}>
            {t.loadMore}
          </Button>
        </div>
      ) : null}
      <div className="border-t border-slate-200 px-3 py-2 text-slate-700">
        {desktop === "off" ? (
          <Button size="sm" variant="secondary" onClick={() => void enableDesktop().then(setDesktop)}>
            {t.browserOn}
          </Button>
        ) : desktop === "on" ? (
          <p role="status">{t.browserEnabled}</p>
        ) : desktop === "denied" ? (
          <p>{t.browserDenied}</p>
        ) : null}
      </div>
    </div>
  );
}
