"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { useConversationListCache } from "@/components/conversations/list-cache";
import type { LabelSummary } from "@/server/conversations/schemas";

function byName(a: LabelSummary, b: LabelSummary) {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * Puts labels on a conversation and takes them off: shown at once in its header, details and every
 * cached list row, fetched again if the server refuses; then lists and counts are fetched again (a
 * list filtered by the label gains or loses the row).
 */
export function useConversationLabels(conversationId: string) {
  const utils = trpc.useUtils();
  const listCache = useConversationListCache();
  const [failed, setFailed] = useState(false);

  async function show(change: (labels: LabelSummary[]) => LabelSummary[]) {
    setFailed(false);
    await utils.v1.conversations.get.cancel({ id: conversationId });
    utils.v1.conversations.get.setData(
      { id: conversationId },
      (current) => current && { ...current, labels: change(current.labels) },
    );
    listCache.patchRow(conversationId, (row) => ({ ...row, labels: change(row.labels) }));
  }
  const callbacks = {
    // What the server has is fetched again in place of what was shown.
    onError: () => {
      setFailed(true);
      void utils.v1.conversations.get.invalidate({ id: conversationId });
    },
    onSettled: () => {
      void utils.v1.conversations.list.invalidate();
      void utils.v1.conversations.counts.invalidate();
    },
  };
  const add = trpc.v1.conversations.addLabel.useMutation({
    ...callbacks,
    onSuccess: (conversation) => utils.v1.conversations.get.setData({ id: conversation.id }, conversation),
  });
  const remove = trpc.v1.conversations.removeLabel.useMutation({
    ...callbacks,
    onSuccess: (conversation) => utils.v1.conversations.get.setData({ id: conversation.id }, conversation),
  });

  return {
    add: (label: LabelSummary) => {
      void show((labels) => [...labels.filter((l) => l.id !== label.id), label].sort(byName)).then(() =>
        add.mutate({ id: conversationId, labelId: label.id }),
      );
    },
    remove: (label: LabelSummary) => {
      void show((labels) => labels.filter((l) => l.id !== label.id)).then(() =>
        remove.mutate({ id: conversationId, labelId: label.id }),
      );
    },
    failed,
    dismissError: () => setFailed(false),
  };
}
