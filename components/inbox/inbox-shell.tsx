"use client";
import { signOut } from "next-auth/react";
import { trpc } from "@/client/trpc";

export function InboxShell() {
  const me = trpc.v1.workspace.me.useQuery();
  return (
    <div className="grid h-dvh grid-rows-[auto_1fr]">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <span className="font-semibold">{me.data?.workspace.name ?? "Connect Inbox"}</span>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-member">{me.data?.user.name}</span>
          <button
            type="button"
            onClick={() => signOut({ callbackUrl: "/sign-in" })}
            className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
          >
            Sign out
          </button>
        </div>
      </header>
      <div className="grid min-h-0 grid-cols-[20rem_1fr_18rem]">
        <nav aria-label="Conversations" className="border-e border-slate-200 p-4 text-sm text-slate-500">
          Conversations
        </nav>
        <main className="p-4 text-sm text-slate-500">Select a conversation.</main>
        <aside aria-label="Details" className="border-s border-slate-200 p-4 text-sm text-slate-500">
          Details
        </aside>
      </div>
    </div>
  );
}
