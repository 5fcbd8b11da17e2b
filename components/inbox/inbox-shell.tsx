"use client";
import { lazy, Suspense, useSyncExternalStore } from "react";
import { trpc } from "@/client/trpc";
import { ConversationDetails } from "@/components/conversations/conversation-details";
import { LIST_PANEL_ID } from "@/components/conversations/conversation-filters";
import { ConversationHeader } from "@/components/conversations/conversation-header";
import { ConversationList } from "@/components/conversations/conversation-list";
import { currentUndoable, subscribeUndoable, undoNow } from "@/components/conversations/undo-store";
import { useStrings } from "@/components/i18n/locale";
import { useOpenConversationId } from "@/components/inbox/conversation-route";
import { MemberPageFrame, type MemberPageProps } from "@/components/inbox/member-page-frame";
import { PreferencesMenu } from "@/components/inbox/preferences-menu";
import { signOut } from "@/components/inbox/sign-out";
import { WorkspaceSwitcher } from "@/components/inbox/workspace-switcher";
import { useKeyboard, useShortcut } from "@/components/keyboard/keyboard-provider";
import { LiveInbox } from "@/components/live/live-inbox";
import { ConversationPane } from "@/components/messages/conversation-pane";
import { NotificationBell } from "@/components/notifications/notification-bell";

// Loaded when there is first something to undo; the live region it fills is on the page from the start.
const UndoBar = lazy(() =>
  import("@/components/conversations/undo-bar").then((module) => ({ default: module.UndoBar })),
);

const SETTINGS_HREF = "/settings/api-keys";
const CUSTOMERS_HREF = "/customers";

export function InboxShell(props: MemberPageProps) {
  const conversationId = useOpenConversationId();
  return (
    <MemberPageFrame {...props} beside={<LiveInbox conversationId={conversationId} />}>
      <Shell conversationId={conversationId} />
    </MemberPageFrame>
  );
}

function Shell({ conversationId }: { conversationId: string | null }) {
  const t = useStrings("shell");
  const me = trpc.v1.workspace.me.useQuery();
  useShortcut("settings.open", () => {
    window.location.assign(SETTINGS_HREF);
    return true;
  });
  useShortcut("customers.open", () => {
    window.location.assign(CUSTOMERS_HREF);
    return true;
  });
  return (
    <div className="grid h-dvh grid-rows-[auto_1fr]">
      <SkipLinks hasConversation={conversationId !== null} />
      <h1 className="sr-only">{t.inbox}</h1>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2">
        <WorkspaceSwitcher />
        <div className="flex items-center gap-3 text-sm">
          <NotificationBell />
          <PreferencesMenu />
          {/* A plain link: the settings are another page, and next/link would add to the inbox's first load. */}
          <a href={CUSTOMERS_HREF} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
            {t.customers}
          </a>
          <a href={SETTINGS_HREF} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
            {t.settings}
          </a>
          <span data-testid="signed-in-member" className="font-medium">
            {me.data?.user.name}
          </span>
          <button
            type="button"
            onClick={() => void signOut("/sign-in")}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
          >
            {t.signOut}
          </button>
        </div>
      </header>
      <div className="grid min-h-0 grid-cols-[minmax(16rem,22rem)_1fr] lg:grid-cols-[minmax(16rem,22rem)_1fr_17rem] xl:grid-cols-[minmax(16rem,22rem)_1fr_19rem]">
        <nav aria-label={t.conversations} className="min-h-0 border-e border-slate-200">
          <ConversationList selectedId={conversationId} />
        </nav>
        <main className="flex min-h-0 min-w-0 flex-col">
          {conversationId ? (
            <>
              <ConversationHeader key={`header-${conversationId}`} conversationId={conversationId} />
              <div className="flex min-h-0 flex-1 flex-col">
                <ConversationPane key={conversationId} conversationId={conversationId} />
              </div>
            </>
          ) : (
            <p className="p-6 text-sm text-slate-500">{t.selectConversation}</p>
          )}
        </main>
        <aside
          aria-label={t.details}
          className="hidden min-h-0 overflow-y-auto border-s border-slate-200 lg:block"
        >
          {conversationId ? <ConversationDetails conversationId={conversationId} /> : null}
        </aside>
      </div>
      <UndoRegion />
    </div>
  );
}

const skipLink =
  "sr-only rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:start-2 focus:top-2 focus:z-[70]";

/** The first stops of Tab: straight to the list, or to the reply box of the open conversation. */
function SkipLinks({ hasConversation }: { hasConversation: boolean }) {
  const t = useStrings("shell");
  const keyboard = useKeyboard();
  return (
    <>
      <a
        href={`#${LIST_PANEL_ID}`}
        className={skipLink}
        onClick={(event) => {
          const row =
            document.querySelector<HTMLElement>('a[data-conversation-id][aria-current="page"]') ??
            document.querySelector<HTMLElement>("a[data-conversation-id]");
          if (!row) return;
          event.preventDefault();
          row.focus();
        }}
      >
        {t.skipToList}
      </a>
      {hasConversation ? (
        <button type="button" className={skipLink} onClick={() => keyboard.run("composer.focus")}>
          {t.skipToComposer}
        </button>
      ) : null}
    </>
  );
}

/** A polite live region, filled by the undo bar while something can be undone. */
function UndoRegion() {
  const offer = useSyncExternalStore(subscribeUndoable, currentUndoable, () => null);
  useShortcut("undo", undoNow, offer !== null);
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center">
      {offer ? (
        <Suspense fallback={null}>
          <UndoBar offer={offer} />
        </Suspense>
      ) : null}
    </div>
  );
}
