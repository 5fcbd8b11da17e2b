"use client";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { PreferencesMenu } from "@/components/inbox/preferences-menu";
import { signOut } from "@/components/inbox/sign-out";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Button } from "@/components/ui/button";

/** The header of the pages beside the inbox (settings, customers): the workspace, the way back, the member. */
export function PageHeader({ backLabel }: { backLabel: string }) {
  const shell = useStrings("shell");
  const me = trpc.v1.workspace.me.useQuery();
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 px-4 py-2">
      <div className="flex items-center gap-4">
        <span className="font-semibold">{me.data?.workspace.name ?? "Connect Inbox"}</span>
        {/* A whole page load, as the inbox renders its own shell and live connection. */}
        <a
          href="/inbox"
          className="flex items-center gap-1 rounded-md px-2 py-1 text-sm text-blue-700 underline-offset-2 hover:underline"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-4 rtl:-scale-x-100">
            <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" strokeWidth="1.75" />
          </svg>
          {backLabel}
        </a>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <NotificationBell />
        <PreferencesMenu />
        <span className="font-medium">{me.data?.user.name}</span>
        <Button onClick={() => void signOut("/sign-in")} variant="secondary" size="sm">
          {shell.signOut}
        </Button>
      </div>
    </header>
  );
}
