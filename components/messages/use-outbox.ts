"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import type { Draft } from "@/components/messages/draft-storage";
import { INTERNAL_FLAG } from "@/components/messages/message-kind";
import type { ListedMessage } from "@/components/messages/message-row";
import { useAppendToHistory } from "@/components/messages/use-message-history";
import { LOCALES } from "@/server/connect/locales";
import type { MessageContent, MessageOutput, SendMessageInput } from "@/server/connect/schemas";

type Outgoing = { idempotencyKey: string; optimistic: ListedMessage; storedId: string | null };
type Sender = { memberId: string; name: string; image: string | null };

export function sendInput(
  conversationId: string,
  draft: Draft,
  /** A note's "@Name" of a member is sent as a reference to them (a mention). */
  encodeMentions: (text: string) => string = (text) => text,
): SendMessageInput {
  const content: MessageContent = {};
  for (const locale of LOCALES) {
    const text = draft.text[locale].trim();
    if (text) content[locale] = draft.internal ? encodeMentions(text) : text;
  }
  return {
    conversationId,
    content,
    attachmentIds: draft.attachments.map((a) => a.id),
    flags: draft.internal ? [INTERNAL_FLAG] : [],
    parentId: draft.replyTo?.id ?? null,
  };
}

/**
 * Sends drafts with their Idempotency-Key and shows each at once as a pending message. The
 * pending copy stays until the stored message is in the cached history, so the two are never
 * both on screen and the message never blinks out in between.
 *
 * The key goes per call through the vanilla client (`mutate(input, { context })`): a
 * `useMutation` hook takes its tRPC context per hook, not per `mutate`.
 */
export function useOutbox(conversationId: string, sender: Sender | undefined, history: MessageOutput[]) {
  const utils = trpc.useUtils();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const appendToHistory = useAppendToHistory(conversationId);
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const storedIds = useMemo(() => new Set(history.map((m) => m.id)), [history]);

  useEffect(() => {
    if (outgoing.some((o) => o.storedId && storedIds.has(o.storedId))) {
      setOutgoing((current) => current.filter((o) => !o.storedId || !storedIds.has(o.storedId)));
    }
  }, [outgoing, storedIds]);

  const send = useCallback(
    async (draft: Draft): Promise<MessageOutput> => {
      // Loaded with the first note that has an @ in it, not with the inbox.
      const mentions =
        draft.internal && LOCALES.some((l) => draft.text[l].includes("@"))
          ? await import("@/components/notifications/mention-text")
          : null;
      const input = sendInput(conversationId, draft, (text) =>
        mentions ? mentions.encodeMentions(text, members.data ?? []) : text,
      );
      const { idempotencyKey } = draft;
      const optimistic: ListedMessage = {
        id: `pending:${idempotencyKey}`,
        conversationId,
        content: input.content ?? {},
        attachments: draft.attachments,
        sender: {
          type: "member",
          id: sender?.memberId ?? null,
          name: sender?.name ?? null,
          image: sender?.image ?? null,
        },
        parentId: input.parentId ?? null,
        flags: input.flags ?? [],
        channelId: null,
        templateId: null,
        createdAt: new Date().toISOString(),
        pending: true,
      };
      setOutgoing((current) => [
        ...current.filter((o) => o.idempotencyKey !== idempotencyKey),
        { idempotencyKey, optimistic, storedId: null },
      ]);
      try {
        const stored = await utils.client.v1.connect.send.mutate(input, { context: { idempotencyKey } });
        appendToHistory(stored);
        setOutgoing((current) =>
          current.map((o) => (o.idempotencyKey === idempotencyKey ? { ...o, storedId: stored.id } : o)),
        );
        void utils.v1.conversations.list.invalidate();
        return stored;
      } catch (error) {
        setOutgoing((current) => current.filter((o) => o.idempotencyKey !== idempotencyKey));
        throw error;
      }
    },
    [conversationId, sender, utils, appendToHistory, members.data],
  );

  const pending = useMemo(
    () => outgoing.filter((o) => !o.storedId || !storedIds.has(o.storedId)).map((o) => o.optimistic),
    [outgoing, storedIds],
  );
  return { send, pending };
}
