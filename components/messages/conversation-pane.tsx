"use client";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { AiAssistProvider } from "@/components/ai/ai-assist-provider";
import { useStrings } from "@/components/i18n/locale";
import { useOpenedAt } from "@/components/inbox/conversation-route";
import { Composer } from "@/components/messages/composer";
import { pickLocale, plainText } from "@/components/messages/content-locales";
import { DropZone } from "@/components/messages/drop-zone";
import { LocaleChoiceProvider, useLocaleChoice } from "@/components/messages/locale-choice";
import { type FocusRequest, MessageList } from "@/components/messages/message-list";
import type { RowActions } from "@/components/messages/message-row";
import { useDraft } from "@/components/messages/use-draft";
import { useHistoryWindow } from "@/components/messages/use-history-window";
import { useMessageHistory } from "@/components/messages/use-message-history";
import { useOutbox } from "@/components/messages/use-outbox";
import { usePaneShortcuts } from "@/components/messages/use-pane-shortcuts";
import { useReplyLocale } from "@/components/messages/use-reply-locale";
import { useSenderName } from "@/components/messages/use-sender-name";
import { useUploads } from "@/components/messages/use-uploads";

// Not needed for the first paint; its chunk is a few kB and arrives with the thread's own query.
const ThreadPanel = lazy(() =>
  import("@/components/messages/thread-panel").then((module) => ({ default: module.ThreadPanel })),
);

export function ConversationPane({ conversationId }: { conversationId: string }) {
  return (
    <LocaleChoiceProvider>
      <Pane conversationId={conversationId} />
    </LocaleChoiceProvider>
  );
}

function Pane({ conversationId }: { conversationId: string }) {
  const t = useStrings("messages");
  const me = trpc.v1.workspace.me.useQuery();
  const senderName = useSenderName();
  const { preferred } = useLocaleChoice();
  const { query, messages } = useMessageHistory(conversationId);
  const sender = me.data
    ? { memberId: me.data.memberId, name: me.data.user.name, image: me.data.user.image }
    : undefined;
  const outbox = useOutbox(conversationId, sender, messages);
  const replyLocale = useReplyLocale(messages, !query.isPending, me.data?.user.locale);
  const { draft, update, reset } = useDraft(me.data?.workspace.id, conversationId, replyLocale);
  const uploads = useUploads(draft?.attachments.length ?? 0, (attachment) =>
    update((d) => ({ ...d, attachments: [...d.attachments, attachment] })),
  );
  const [threadId, setThreadId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [sentNonce, setSentNonce] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const threadOpener = useRef<HTMLElement | null>(null);
  const historyWindow = useHistoryWindow(conversationId, messages);
  const span = historyWindow.span;
  // A window that has not reached the newest pages yet ends before the outbox's rows.
  const listed = useMemo(
    () => (span?.hasNewer ? span.messages : [...(span?.messages ?? messages), ...outbox.pending]),
    [span, messages, outbox.pending],
  );

  // Opened from a search: the history opens around the hit, however far back, scrolled to it,
  // marked, and the row Tab (or Shift+J) reaches first; focus stays in the list, where j/k go on.
  const openedAt = useOpenedAt(conversationId);
  const anchorId = openedAt?.messageId ?? null;
  const anchorNonce = openedAt?.nonce ?? 0;
  const [matchedId, setMatchedId] = useState<string | null>(null);
  const [opening, setOpening] = useState(anchorId !== null);
  const openWindow = historyWindow.open;
  useEffect(() => {
    if (!anchorId || !anchorNonce) return;
    let current = true;
    setOpening(true);
    openWindow({ around: anchorId })
      .then((id) => {
        if (!current || !id) return;
        setMatchedId(id);
        setFocusRequest({ messageId: id, nonce: Date.now(), highlight: false, focus: false });
      })
      // A hit that is gone (deleted, moved) opens the conversation at its newest messages.
      .catch(() => undefined)
      .finally(() => {
        if (current) setOpening(false);
      });
    return () => {
      current = false;
    };
  }, [anchorId, anchorNonce, openWindow]);

  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  // A quoted message shown already is focused where it is; one further back opens a window
  // around it instead of loading every page in between.
  const jumpTo = useCallback(
    async (messageId: string) => {
      const shown = listed.some((m) => m.id === messageId);
      const found = shown ? messageId : await openWindow({ around: messageId }).catch(() => undefined);
      if (found) setFocusRequest({ messageId: found, nonce: Date.now() });
    },
    [listed, openWindow],
  );

  const actions = useMemo<RowActions>(
    () => ({
      reply: (message) => {
        const locale = pickLocale(message.content, preferred);
        const excerpt =
          (locale ? plainText(message.content[locale]) : "") || message.attachments[0]?.fileName || "";
        update((d) => ({
          ...d,
          replyTo: { id: message.id, senderName: senderName(message), excerpt: excerpt.slice(0, 280) },
        }));
        requestAnimationFrame(() => textareaRef.current?.focus());
      },
      openThread: (messageId) => {
        threadOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setThreadId(messageId);
      },
      jumpTo: (messageId) => void jumpTo(messageId),
    }),
    [preferred, update, senderName, jumpTo],
  );
  const replyToMessage = useCallback(
    (messageId: string) => {
      const message = messages.find((m) => m.id === messageId);
      if (message) actions.reply(message);
    },
    [messages, actions],
  );

  const send = useCallback(
    (d: Parameters<typeof outbox.send>[0]) => {
      historyWindow.close();
      setSentNonce((n) => n + 1);
      return outbox.send(d);
    },
    [outbox.send, historyWindow.close],
  );
  const loadOlder = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const toStart = useCallback(async () => {
    // If the first page cannot be loaded, focus stays where it is; paging back still works.
    const first = await openWindow("start").catch(() => undefined);
    if (first) setFocusRequest({ messageId: first, nonce: Date.now(), highlight: false });
  }, [openWindow]);
  const toNewest = useCallback(() => {
    historyWindow.close();
    const last = [...messages, ...outbox.pending].at(-1);
    if (last) setFocusRequest({ messageId: last.id, nonce: Date.now(), highlight: false });
  }, [historyWindow.close, messages, outbox.pending]);

  // Focus goes back to what opened the thread, or to its message if that row scrolled away.
  const closeThread = useCallback(() => {
    const opener = threadOpener.current;
    const row = threadId
      ? paneRef.current?.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(threadId)}"]`)
      : null;
    setThreadId(null);
    (opener?.isConnected ? opener : row)?.focus();
  }, [threadId]);

  usePaneShortcuts({
    pane: paneRef,
    composer: textareaRef,
    messages: listed,
    threadOpen: threadId !== null,
    closeThread,
    replying: Boolean(draft?.replyTo),
    cancelReply: () => update((d) => ({ ...d, replyTo: null })),
    reply: actions.reply,
  });

  return (
    <AiAssistProvider
      conversationId={conversationId}
      updateDraft={update}
      draftText={draft?.text}
      replyTo={replyToMessage}
      jumpTo={actions.jumpTo}
    >
      <DropZone onFiles={uploads.add}>
        <div
          ref={paneRef}
          data-conversation={conversationId}
          className="flex min-h-0 flex-1 flex-col bg-slate-50/60"
        >
          {query.isPending || opening ? (
            <p className="m-auto text-sm text-slate-500">{t.loading}</p>
          ) : query.isError ? (
            <div role="alert" className="m-auto flex flex-col items-center gap-2 text-sm text-red-700">
              {t.loadFailed}
              <button type="button" onClick={() => void query.refetch()} className="rounded border px-2 py-1">
                {t.retry}
              </button>
            </div>
          ) : (
            <MessageList
              messages={listed}
              hasOlder={span ? span.hasOlder : hasNextPage}
              loadingOlder={span ? historyWindow.loadingOlder : isFetchingNextPage}
              onLoadOlder={span ? historyWindow.loadOlder : loadOlder}
              hasNewer={span?.hasNewer ?? false}
              loadingNewer={historyWindow.loadingNewer}
              onLoadNewer={historyWindow.loadNewer}
              matchedId={matchedId}
              onToStart={toStart}
              onToNewest={toNewest}
              focusRequest={focusRequest}
              sentNonce={sentNonce}
              actions={actions}
            />
          )}
          {draft ? (
            <Composer
              conversationId={conversationId}
              draft={draft}
              update={update}
              reset={reset}
              uploads={uploads}
              send={send}
              textareaRef={textareaRef}
            />
          ) : (
            <div className="h-36" />
          )}
        </div>
        {threadId ? (
          <Suspense fallback={null}>
            <ThreadPanel
              messageId={threadId}
              onClose={closeThread}
              onReply={actions.reply}
              onJumpTo={actions.jumpTo}
            />
          </Suspense>
        ) : null}
      </DropZone>
    </AiAssistProvider>
  );
}
