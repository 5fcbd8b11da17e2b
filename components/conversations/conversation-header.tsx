"use client";
import { useEffect, useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { LabelChips } from "@/components/conversations/label-chip";
import {
  LazyAssignPicker,
  LazyConversationLabelPicker,
  LazySnoozePicker,
  preloadPickers,
} from "@/components/conversations/lazy-pickers";
import { neighbourOf } from "@/components/conversations/list-order";
import { useMarkUnread } from "@/components/conversations/mark-read";
import { StatusBadge } from "@/components/conversations/status-badge";
import { offerUndo } from "@/components/conversations/undo-store";
import { useSnoozeAndMoveOn } from "@/components/conversations/use-snooze";
import { useUpdateConversation } from "@/components/conversations/use-update-conversation";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { closeConversation, openConversation } from "@/components/inbox/conversation-route";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { PresenceLine } from "@/components/presence/presence-line";
import type { ConversationOutput } from "@/server/conversations/schemas";

const button =
  "inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50";
const keyHint = "rounded border border-slate-200 bg-slate-50 px-1 text-[11px] text-slate-500";

/**
 * Above the history: the subject, the customer, the channel and assignee, and the main actions
 * (resolve with E, snooze with S, assign to anyone with A or to me with I, mark unread with U, labels with L), at every width: the
 * details panel is hidden on narrow screens.
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
  const [labelsOpen, setLabelsOpen] = useState(false);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  useEffect(() => preloadPickers(), []);
  const snoozing = useSnoozeAndMoveOn(conversation);
  const formatters = useFormatters();

  // Resolving moves on to the next conversation, with an undo (Front, Superhuman); the same key
  // reopens a resolved one and stays.
  function resolveOrReopen() {
    if (status === "resolved") {
      update.change({ status: "open" });
      return;
    }
    const previous = status;
    const { snoozedUntil } = conversation;
    update.change({ status: "resolved" });
    const next = neighbourOf(conversation.id);
    if (next) openConversation(next);
    else closeConversation();
    offerUndo(format(t.resolvedMovedOn, { name }), () => {
      if (previous === "snoozed" && snoozedUntil && Date.parse(snoozedUntil) > Date.now())
        snoozing.snooze(snoozedUntil);
      else update.change({ status: previous === "snoozed" ? "open" : previous });
      openConversation(conversation.id);
    });
  }
  useShortcut("conversation.resolve", () => {
    resolveOrReopen();
    return true;
  });
  useShortcut("conversation.snooze", () => {
    setSnoozeOpen(true);
    return true;
  });
  useShortcut("conversation.labels", () => {
    setLabelsOpen(true);
    return true;
  });
  useShortcut("conversation.assign", () => {
    setAssignOpen(true);
    return true;
  });
  useShortcut("conversation.assignToMe", () => {
    if (!myId || assignee?.memberId === myId) return false;
    update.change({ assigneeId: myId });
    return true;
  });

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
          {conversation.channel ? (
            <>
              <span aria-hidden="true"> · </span>
              <bdi>{conversation.channel.name}</bdi>
            </>
          ) : null}
        </p>
        <LabelChips labels={conversation.labels} label={t.labels} size="sm" />
        <PresenceLine conversationId={conversation.id} />
      </div>
      <StatusBadge status={status} />
      {status === "snoozed" && conversation.snoozedUntil ? (
        <span className="shrink-0 text-sm text-slate-600">
          {format(t.snoozedUntil, { time: formatters.dateTime(conversation.snoozedUntil) })}
        </span>
      ) : null}
      <KeyButton keyName="E" onClick={resolveOrReopen}>
        {status === "resolved" ? t.reopen : t.resolve}
      </KeyButton>
      {status === "open" ? (
        <button type="button" className={button} onClick={() => update.change({ status: "pending" })}>
          {t.markPending}
        </button>
      ) : null}
      <KeyButton keyName="S" opensDialog onClick={() => setSnoozeOpen(true)}>
        {t.snooze}
      </KeyButton>
      {snoozeOpen ? (
        <LazySnoozePicker onSnooze={snoozing.snoozeAndMoveOn} onClose={() => setSnoozeOpen(false)} />
      ) : null}
      <AssigneeSelect
        conversation={conversation}
        myId={myId}
        onChange={(assigneeId) => update.change({ assigneeId })}
      />
      {assignOpen ? (
        <LazyAssignPicker
          assigneeId={assignee?.memberId ?? null}
          onAssign={(assigneeId) => {
            if (assigneeId !== (assignee?.memberId ?? null)) update.change({ assigneeId });
          }}
          onClose={() => setAssignOpen(false)}
        />
      ) : null}
      <KeyButton keyName="U" onClick={() => markUnread(conversation.id)}>
        {t.markUnread}
      </KeyButton>
      <KeyButton keyName="L" opensDialog onClick={() => setLabelsOpen(true)}>
        {t.labelsButton}
      </KeyButton>
      {labelsOpen ? (
        <LazyConversationLabelPicker conversationId={conversation.id} onClose={() => setLabelsOpen(false)} />
      ) : null}
      {update.failed || snoozing.failed ? (
        <p
          role="alert"
          className="flex w-full items-center gap-2 rounded-md bg-red-50 p-2 text-sm text-red-800"
        >
          <span className="flex-1">{t.updateErrorUnknown}</span>
          <button
            type="button"
            onClick={() => {
              update.dismissError();
              snoozing.dismissError();
            }}
            className="font-medium underline"
          >
            {t.dismiss}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** A header action with its single-key shortcut shown beside its name. */
function KeyButton({
  keyName,
  opensDialog = false,
  onClick,
  children,
}: {
  keyName: string;
  opensDialog?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className={button}
      onClick={onClick}
      aria-haspopup={opensDialog ? "dialog" : undefined}
      aria-keyshortcuts={keyName}
    >
      {children}
      <span aria-hidden="true" className={keyHint}>
        {keyName}
      </span>
    </button>
  );
}

/** Who has it: anyone in the workspace, or nobody (I assigns to the member from anywhere). */
function AssigneeSelect({
  conversation,
  myId,
  onChange,
}: {
  conversation: ConversationOutput;
  myId: string | undefined;
  onChange: (assigneeId: string | null) => void;
}) {
  const t = useStrings("conversations");
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const { assignee } = conversation;
  const missing = assignee && !members.data?.some((m) => m.memberId === assignee.memberId);
  return (
    <label className="flex shrink-0 items-center gap-1.5 text-sm text-slate-600">
      {t.assignee}
      <select
        value={assignee?.memberId ?? ""}
        onChange={(event) => onChange(event.target.value || null)}
        className="max-w-44 rounded-md border border-slate-300 bg-white py-1 ps-2 pe-7 text-sm text-slate-800"
      >
        <option value="">{t.unassigned}</option>
        {(members.data ?? []).map((member) => (
          <option key={member.memberId} value={member.memberId}>
            {member.memberId === myId ? format(t.you, { name: member.name }) : member.name}
          </option>
        ))}
        {assignee && missing ? <option value={assignee.memberId}>{assignee.name}</option> : null}
      </select>
    </label>
  );
}
