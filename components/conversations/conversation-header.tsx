"use client";
import { useMemo, useRef } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { neighbourOf } from "@/components/conversations/list-order";
import { useMarkUnread } from "@/components/conversations/mark-read";
import { StatusBadge } from "@/components/conversations/status-badge";
import { offerUndo } from "@/components/conversations/undo-bar";
import { useUpdateConversation } from "@/components/conversations/use-update-conversation";
import { format, useStrings } from "@/components/i18n/locale";
import { closeConversation, openConversation } from "@/components/inbox/conversation-route";
import type { PaletteCommand } from "@/components/keyboard/command-palette";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { usePaletteCommands } from "@/components/keyboard/palette-context";
import type { ConversationOutput } from "@/server/conversations/schemas";

const button =
  "inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";
const keyHint = "rounded border border-slate-200 bg-slate-50 px-1 text-[11px] text-slate-500";

/**
 * Above the history: the subject, the customer, the channel and assignee, and the main actions
 * (resolve with E, assign to me with I, mark unread with U), at every width: the details panel
 * is hidden on narrow screens.
 */
export function ConversationHeader({ conversationId }: { conversationId: string }) {
  const conversation = trpc.v1.conversations.get.useQuery({ id: conversationId });
  if (!conversation.data) return <div className="h-14 shrink-0 border-b border-slate-200 bg-white" />;
  return <Header conversation={conversation.data} />;
}

function Header({ conversation }: { conversation: ConversationOutput }) {
  const t = useStrings("conversations");
  const me = trpc.v1.workspace.me.useQuery();
  const update = useUpdateConversation(conversation.id);
  const markUnread = useMarkUnread(conversation.id);
  const myId = me.data?.memberId;
  const name = customerNameOf(conversation.customer, t.unknownCustomer);
  const { status, assignee } = conversation;

  // Resolving moves on to the next conversation, with an undo (Front, Superhuman); the same key
  // reopens a resolved one and stays.
  function resolveOrReopen() {
    if (status === "resolved") {
      update.change({ status: "open" });
      return;
    }
    const previous = status;
    update.change({ status: "resolved" });
    const next = neighbourOf(conversation.id);
    if (next) openConversation(next);
    else closeConversation();
    offerUndo(format(t.resolvedMovedOn, { name }), () => {
      update.change({ status: previous });
      openConversation(conversation.id);
    });
  }
  useShortcut("conversation.resolve", () => {
    resolveOrReopen();
    return true;
  });
  useShortcut("conversation.assignToMe", () => {
    if (!myId || assignee?.memberId === myId) return false;
    update.change({ assigneeId: myId });
    return true;
  });

  usePaletteCommands("conversation", useConversationCommands(conversation, update.change));

  const details = [
    conversation.channel?.name,
    assignee
      ? format(t.assignedTo, {
          name: assignee.memberId === myId ? format(t.you, { name: assignee.name }) : assignee.name,
        })
      : t.unassigned,
  ].filter(Boolean);

  return (
    <section
      aria-labelledby="conversation-title"
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-4 py-2"
    >
      <div className="min-w-0 flex-1 basis-56">
        <h2 id="conversation-title" dir="auto" className="truncate text-start font-semibold text-slate-900">
          {conversation.subject || t.noSubject}
        </h2>
        <p className="truncate text-start text-sm text-slate-600">
          <bdi>{name}</bdi>
          {details.map((part) => (
            <span key={part}>
              <span aria-hidden="true"> · </span>
              <bdi>{part}</bdi>
            </span>
          ))}
        </p>
      </div>
      <StatusBadge status={status} />
      <button type="button" className={button} onClick={resolveOrReopen} aria-keyshortcuts="E">
        {status === "resolved" ? t.reopen : t.resolve}
        <span aria-hidden="true" className={keyHint}>
          E
        </span>
      </button>
      {myId && assignee?.memberId !== myId ? (
        <button
          type="button"
          className={button}
          onClick={() => update.change({ assigneeId: myId })}
          aria-keyshortcuts="I"
        >
          {t.assignToMe}
          <span aria-hidden="true" className={keyHint}>
            I
          </span>
        </button>
      ) : null}
      <button
        type="button"
        className={button}
        onClick={() => markUnread(conversation.id)}
        aria-keyshortcuts="U"
      >
        {t.markUnread}
        <span aria-hidden="true" className={keyHint}>
          U
        </span>
      </button>
    </section>
  );
}

/** The open conversation's actions by name in the palette: any status, any member, unassign. */
function useConversationCommands(
  conversation: ConversationOutput,
  change: ReturnType<typeof useUpdateConversation>["change"],
): PaletteCommand[] {
  const t = useStrings("conversations");
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const { status, assignee } = conversation;
  // The latest change function, without offering the commands anew on every render.
  const latest = useRef(change);
  latest.current = change;
  return useMemo(() => {
    const change = (to: Parameters<typeof latest.current>[0]) => latest.current(to);
    const commands: PaletteCommand[] = [];
    if (status !== "pending")
      commands.push({ id: "status.pending", label: t.markPending, run: () => change({ status: "pending" }) });
    if (status !== "open")
      commands.push({ id: "status.open", label: t.reopen, run: () => change({ status: "open" }) });
    for (const member of members.data ?? []) {
      if (member.memberId === assignee?.memberId) continue;
      commands.push({
        id: `assign.${member.memberId}`,
        label: format(t.assignToName, { name: member.name }),
        run: () => change({ assigneeId: member.memberId }),
      });
    }
    if (assignee)
      commands.push({ id: "assign.none", label: t.unassign, run: () => change({ assigneeId: null }) });
    return commands;
  }, [t, status, assignee, members.data]);
}
