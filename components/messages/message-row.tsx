"use client";
import { lazy, Suspense } from "react";
import { AiAssistButton } from "@/components/ai/assist-button";
import { AiRunStatus } from "@/components/ai/run-status";
import { customerAvatarSrc } from "@/components/customers/avatar-image";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { Avatar } from "@/components/messages/avatar";
import { pickLocale, plainText } from "@/components/messages/content-locales";
import { dayKey, useDayLabel } from "@/components/messages/day-label";
import { ClockIcon, LockIcon, ReplyIcon, ThreadIcon } from "@/components/messages/icons";
import { useLocaleChoice } from "@/components/messages/locale-choice";
import { MessageContent } from "@/components/messages/message-content";
import { bubbleClass, messageKind, sideOf } from "@/components/messages/message-kind";
import { ParentQuote } from "@/components/messages/parent-quote";
import { useSenderName } from "@/components/messages/use-sender-name";
import type { MessageOutput } from "@/server/connect/schemas";

// Only messages with files need it.
const MessageAttachments = lazy(() =>
  import("@/components/messages/message-attachments").then((module) => ({
    default: module.MessageAttachments,
  })),
);

export type ListedMessage = MessageOutput & { pending?: boolean };

export type RowActions = {
  reply: (message: MessageOutput) => void;
  openThread: (messageId: string) => void;
  jumpTo: (messageId: string) => void;
};

type Props = {
  message: ListedMessage;
  previous: ListedMessage | undefined;
  parent: MessageOutput | undefined;
  replyCount: number;
  highlighted: boolean;
  /** The search hit the conversation was opened at: marked, and said so to assistive technology. */
  matched?: boolean;
  tabbable: boolean;
  actions: RowActions;
};

const GROUP_WINDOW_MS = 5 * 60_000;

function continues(message: ListedMessage, previous: ListedMessage | undefined): boolean {
  if (!previous || message.parentId) return false;
  const kind = messageKind(message);
  return (
    kind !== "system" &&
    messageKind(previous) === kind &&
    previous.sender.id === message.sender.id &&
    dayKey(previous.createdAt) === dayKey(message.createdAt) &&
    Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_WINDOW_MS
  );
}

export function MessageRow({
  message,
  previous,
  parent,
  replyCount,
  highlighted,
  matched = false,
  tabbable,
  actions,
}: Props) {
  const t = useStrings("messages");
  const formatters = useFormatters();
  const dayLabel = useDayLabel();
  const senderName = useSenderName();
  const kind = messageKind(message);
  const side = sideOf(kind);
  const name = senderName(message);
  const newDay = !previous || dayKey(previous.createdAt) !== dayKey(message.createdAt);
  const grouped = !newDay && continues(message, previous);
  const time = formatters.time(message.createdAt);
  const { preferred } = useLocaleChoice();
  return (
    <div className={grouped ? "pt-0.5" : "pt-3"}>
      {newDay ? (
        <div className="flex items-center gap-3 px-4 pb-3 text-xs font-medium text-slate-500">
          <hr className="flex-1 border-slate-200" />
          <span data-day-separator="">{dayLabel(message.createdAt)}</span>
          <hr className="flex-1 border-slate-200" />
        </div>
      ) : null}
      <article
        data-message-id={message.id}
        data-kind={kind}
        data-pending={message.pending ? "" : undefined}
        data-highlighted={highlighted ? "" : undefined}
        // Its words' start in the name: two messages of one sender in one minute are told apart.
        aria-label={format(t.messageLabel, {
          sender: name,
          time: formatters.dateTime(message.createdAt),
          text: excerptOf(message, preferred),
        })}
        data-search-match={matched ? "" : undefined}
        aria-describedby={matched ? `search-match-${message.id}` : undefined}
        aria-busy={message.pending || undefined}
        tabIndex={tabbable ? 0 : -1}
        className={`group relative flex gap-2 px-4 py-0.5 outline-none transition-colors focus-visible:bg-blue-50/60 focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset data-[highlighted]:bg-amber-100/70 data-[search-match]:bg-amber-50 data-[search-match]:shadow-[inset_3px_0_0_var(--color-amber-500)] rtl:data-[search-match]:shadow-[inset_-3px_0_0_var(--color-amber-500)] ${
          side === "end" ? "flex-row-reverse" : ""
        } ${side === "center" ? "justify-center" : ""}`}
      >
        {side === "center" ? null : grouped ? (
          <span className="w-8 shrink-0" />
        ) : (
          <Avatar name={name} src={avatarSrc(message.sender)} kind={kind} />
        )}
        <div
          className={`flex min-w-0 max-w-[min(36rem,80%)] flex-col ${side === "end" ? "items-end" : "items-start"} ${
            message.pending ? "opacity-60" : ""
          }`}
        >
          {matched ? (
            <span
              id={`search-match-${message.id}`}
              className="mb-0.5 rounded bg-amber-200 px-1.5 text-xs font-medium text-amber-950"
            >
              {t.searchMatch}
            </span>
          ) : null}
          {grouped || side === "center" ? null : (
            <div className="mb-0.5 flex flex-wrap items-center gap-x-2 px-1 text-xs text-slate-600">
              <span className="font-semibold text-slate-800">{name}</span>
              {kind === "ai" ? (
                <span className="rounded bg-violet-600 px-1 text-[10px] font-semibold text-white">
                  {t.aiBadge}
                </span>
              ) : null}
              {kind === "note" ? (
                <span className="flex items-center gap-1 font-medium text-amber-800">
                  <LockIcon className="size-3.5" />
                  {t.internalNote}
                </span>
              ) : null}
              <time dateTime={message.createdAt} title={formatters.dateTime(message.createdAt)}>
                {time}
              </time>
            </div>
          )}
          <div
            className={`min-w-0 max-w-full rounded-2xl px-3 py-2 text-sm leading-relaxed ${bubbleClass[kind]} ${
              side === "center"
                ? "px-0 py-0 text-center text-xs"
                : side === "end"
                  ? "rounded-se-md"
                  : "rounded-ss-md"
            }`}
          >
            {message.parentId ? (
              <ParentQuote parentId={message.parentId} parent={parent} onJumpTo={actions.jumpTo} />
            ) : null}
            <MessageContent message={message} switchable={kind !== "system"} />
            {message.attachments.length > 0 ? (
              <Suspense fallback={null}>
                <MessageAttachments attachments={message.attachments} />
              </Suspense>
            ) : null}
          </div>
          {message.pending ? (
            <span className="mt-0.5 flex items-center gap-1 px-1 text-xs text-slate-500">
              <ClockIcon className="size-3.5" />
              {t.sending}
            </span>
          ) : null}
          {message.pending ? null : <AiRunStatus messageId={message.id} />}
          {replyCount > 0 ? (
            <button
              type="button"
              onClick={() => actions.openThread(message.id)}
              className="mt-0.5 flex items-center gap-1 px-1 text-xs font-medium text-blue-700 hover:underline"
            >
              <ThreadIcon className="size-3.5" />
              {replyCount === 1
                ? t.repliesOne
                : format(t.repliesOther, { count: formatters.number(replyCount) })}
            </button>
          ) : null}
        </div>
        {message.pending || kind === "system" ? null : (
          <div className="flex shrink-0 items-start gap-0.5 self-center opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
            <RowButton label={t.reply} onClick={() => actions.reply(message)}>
              <ReplyIcon />
            </RowButton>
            {/* The team's own messages and notes are nobody's question to answer. */}
            {kind === "customer" ? <AiAssistButton messageId={message.id} /> : null}
            {message.parentId ? (
              <RowButton label={t.viewThread} onClick={() => actions.openThread(message.id)}>
                <ThreadIcon />
              </RowButton>
            ) : null}
          </div>
        )}
      </article>
    </div>
  );
}

function RowButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:opacity-100"
    >
      {children}
    </button>
  );
}

/** A customer's image comes through the app (it names any host); a member's is their own profile's. */
function avatarSrc(sender: MessageOutput["sender"]): string | null {
  if (!sender.image) return null;
  if (sender.type === "customer") return sender.id ? customerAvatarSrc(sender.id, sender.image) : null;
  return sender.image;
}

const EXCERPT_CHARS = 60;

/** The start of the message's text in the language shown, or its first file's name. */
function excerptOf(message: MessageOutput, preferred: readonly (string | null | undefined)[]): string {
  const locale = pickLocale(message.content, preferred);
  const text = (locale ? plainText(message.content[locale]) : "").replace(/\s+/g, " ").trim();
  const start = text || message.attachments[0]?.fileName || "";
  return start.length > EXCERPT_CHARS ? `${start.slice(0, EXCERPT_CHARS)}…` : start;
}
