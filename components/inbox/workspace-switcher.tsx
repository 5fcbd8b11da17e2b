"use client";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";

/** The current workspace; a menu to switch when the member belongs to several. */
export function WorkspaceSwitcher() {
  const t = useStrings("shell");
  const me = trpc.v1.workspace.me.useQuery();
  const workspaces = me.data?.workspaces ?? [];
  if (workspaces.length <= 1) {
    return <span className="font-semibold">{me.data?.workspace.name ?? "Connect Inbox"}</span>;
  }
  return (
    <label className="flex items-center gap-2">
      <span className="sr-only">{t.switchWorkspace}</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 font-semibold"
        value={me.data?.workspace.id}
        onChange={async (event) => {
          await fetch("/api/workspace/switch", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ workspaceId: event.target.value }),
          });
          window.location.assign("/inbox");
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
