"use client";
import { useEffect, useRef } from "react";
import { setConversationFilters } from "@/components/conversations/filters-store";
import { openConversation } from "@/components/inbox/conversation-route";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import type { ConversationListItem } from "@/server/conversations/schemas";

export const SEARCH_INPUT_ID = "conversation-search";

type Options = {
  items: ConversationListItem[];
  selectedId: string | null;
  /** Brings a row into view before the conversation opens, so j/k never leave the list behind. */
  reveal: (index: number) => void;
};

/** j/k/o move through and open conversations, / focuses search, g then o/p/r/m/u/a picks a view. */
export function useListShortcuts({ items, selectedId, reveal }: Options) {
  // The conversation j/k last asked for, until the page shows it: a second j pressed before
  // React re-renders moves on from there instead of opening the same row again.
  const requested = useRef<{ id: string; asked: Set<string> } | null>(null);
  useEffect(() => {
    const pending = requested.current;
    // Shown, or the member went somewhere else (a click, Back): the request is over.
    if (pending && (selectedId === pending.id || !selectedId || !pending.asked.has(selectedId)))
      requested.current = null;
  }, [selectedId]);

  function open(index: number): boolean {
    const conversation = items[index];
    if (!conversation) return false;
    const asked = requested.current?.asked ?? new Set<string>();
    asked.add(conversation.id);
    requested.current = { id: conversation.id, asked };
    reveal(index);
    openConversation(conversation.id, conversation.matchMessageId);
    return true;
  }

  const currentId = () => requested.current?.id ?? selectedId;
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  useShortcut("conversation.next", () => open(items.findIndex((item) => item.id === currentId()) + 1));
  useShortcut("conversation.previous", () => {
    const index = items.findIndex((item) => item.id === currentId());
    return index > 0 ? open(index - 1) : false;
  });
  useShortcut("conversation.open", () => {
    const focused = document.activeElement?.closest<HTMLElement>("[data-conversation-id]");
    const focusedIndex = items.findIndex((item) => item.id === focused?.dataset.conversationId);
    if (focusedIndex >= 0) return open(focusedIndex);
    return selectedIndex < 0 ? open(0) : false;
  });
  useShortcut("search.focus", () => {
    const input = document.getElementById(SEARCH_INPUT_ID);
    if (!(input instanceof HTMLInputElement)) return false;
    input.focus();
    input.select();
    return true;
  });
  // The search field empties on a first Escape (its own); the next one goes to the list, where j/k/o
  // apply, instead of leaving the member typing shortcuts into the search.
  useShortcut("escape", () => {
    if (document.activeElement?.id !== SEARCH_INPUT_ID) return false;
    const rows = [...document.querySelectorAll<HTMLElement>("a[data-conversation-id]")];
    const row = rows.find((r) => r.dataset.conversationId === selectedId) ?? rows[0];
    if (!row) return false;
    row.focus();
    return true;
  });
  useShortcut("filter.open", () => setFilter({ status: "open" }));
  useShortcut("filter.pending", () => setFilter({ status: "pending" }));
  useShortcut("filter.resolved", () => setFilter({ status: "resolved" }));
  useShortcut("filter.snoozed", () => setFilter({ status: "snoozed" }));
  useShortcut("filter.mine", () => setFilter({ assignee: "me" }));
  useShortcut("filter.unassigned", () => setFilter({ assignee: "unassigned" }));
  useShortcut("filter.all", () => setFilter({ assignee: "any" }));
}

function setFilter(patch: Parameters<typeof setConversationFilters>[0]): true {
  setConversationFilters(patch);
  return true;
}
