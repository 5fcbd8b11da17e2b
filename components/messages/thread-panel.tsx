"use client";
import { trpc } from "@/client/trpc";
import { AiAssistButton } from "@/components/ai/assist-button";
import { AiRunStatus } from "@/components/ai/run-status";
import { useFormatters } from "@/components/i18n/format";
import { useStrings } from "@/components/i18n/locale";
import { CloseIcon, LockIcon, ReplyIcon } from "@/components/messages/icons";
import { MessageAttachments } from "@/components/messages/message-attachments";
import { MessageContent } from "@/components/messages/message-content";
import { bubbleClass, messageKind } from "@/components/messages/message-kind";
import { useSenderName } from "@/components/messages/use-sender-name";
import type { MessageOutput } from "@/server/connect/schemas";

type Props = {
  messageId: string;
  onClose: () => void;
  onReply: (message: MessageOutput) => void;
  onJumpTo: (messageId: string) => void;
};

/** A side sheet with a thread's first message and every reply to it, oldest first. */
export function ThreadPanel({ messageId, onClose, onReply, onJumpTo }: Props) {
  const t = useStrings("messages");
  const thread = trpc.v1.messages.thread.useQuery({ messageId });
  const entries = thread.data ? [thread.data.root, ...thread.data.replies] : [];
  return (
    <aside
      aria-label={t.thread}
      className="absolute inset-y-0 end-0 z-30 flex w-full max-w-sm flex-col border-s border-slate-200 bg-white shadow-xl"
    >
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <h2 className="text-sm font-semibold">{t.thread}</h2>
        <button
          type="button"
          aria-label={t.closeThread}
          onClick={onClose}
          className="rounded p-1 hover:bg-slate-100"
        >
          <CloseIcon />
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        {thread.isPending ? <p className="text-sm text-slate-500">{t.threadLoading}</p> : null}
        {thread.isError ? <p className="text-sm text-red-700">{t.threadFailed}</p> : null}
        <ol className="flex flex-col gap-3">
          {entries.map((message, index) => (
            <li key={message.id} className={index > 0 ? "ms-4" : ""}>
              <ThreadEntry message={message} onReply={onReply} onJumpTo={onJumpTo} />
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}

function ThreadEntry({
  message,
  onReply,
  onJumpTo,
}: Omit<Props, "messageId" | "onClose"> & { message: MessageOutput }) {
  const t = useStrings("messages");
  const formatters = useFormatters();
  const senderName = useSenderName();
  const kind = messageKind(message);
  return (
    <article
      data-thread-message-id={message.id}
      className={`rounded-xl px-3 py-2 text-sm ${bubbleClass[kind]}`}
    >
      <div className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{senderName(message)}</span>
        {kind === "note" ? (
          <span className="flex items-center gap-1 text-amber-800">
            <LockIcon className="size-3.5" />
            {t.internalNote}
          </span>
        ) : null}
        <button type="button" onClick={() => onJumpTo(message.id)} className="hover:underline">
          <time dateTime={message.createdAt}>{formatters.dateTime(message.createdAt)}</time>
        </button>
        <button
          type="button"
          aria-label={t.reply}
          title={t.reply}
          onClick={() => onReply(message)}
          className="ms-auto rounded p-1 hover:bg-black/5"
        >
          <ReplyIcon className="size-3.5" />
        </button>
        {kind === "customer" ? (
          <AiAssistButton messageId={message.id} className="rounded p-1 text-violet-700 hover:bg-black/5" />
        ) : null}
      </div>
      <MessageContent message={message} />
      <MessageAttachments attachments={message.attachments} />
      <AiRunStatus messageId={message.id} />
    </article>
  );
}
