"use client";
import type { RefObject } from "react";
import { assistFocusedMessage } from "@/components/ai/assist-focused";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import type { ListedMessage } from "@/components/messages/message-row";
import type { MessageOutput } from "@/server/connect/schemas";

const MESSAGE_ROW = "article[data-message-id]";

type Options = {
  pane: RefObject<HTMLElement | null>;
  composer: RefObject<HTMLTextAreaElement | null>;
  messages: ListedMessage[];
  threadOpen: boolean;
  closeThread: () => void;
  replying: boolean;
  cancelReply: () => void;
  reply: (message: MessageOutput) => void;
};

/** Rows in reading order: virtualized rows are placed by transform, not by their order in the DOM. */
function rowsIn(pane: HTMLElement | null): HTMLElement[] {
  return [...(pane?.querySelectorAll<HTMLElement>(MESSAGE_ROW) ?? [])].sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  );
}

function focusedRow(pane: HTMLElement | null): HTMLElement | null {
  const row = document.activeElement?.closest<HTMLElement>(MESSAGE_ROW) ?? null;
  return row && pane?.contains(row) ? row : null;
}

/**
 * Shift+J / Shift+K move focus between messages (the rows are virtualized, but the overscan
 * keeps both neighbours of the focused one rendered), Shift+R replies to the focused message,
 * Shift+A asks the AI helper about it, and Escape closes the thread, cancels the reply or leaves
 * the composer, in that order, always leaving focus on a message.
 */
export function usePaneShortcuts({
  pane,
  composer,
  messages,
  threadOpen,
  closeThread,
  replying,
  cancelReply,
  reply,
}: Options) {
  function step(by: 1 | -1): boolean {
    const rows = rowsIn(pane.current);
    const current = focusedRow(pane.current);
    // From outside the history: the row Tab would reach (a search hit the history opened at).
    const target = current
      ? rows[rows.indexOf(current) + by]
      : (rows.find((row) => row.tabIndex === 0) ?? rows.at(-1));
    if (!target) return current !== null;
    target.focus();
    target.scrollIntoView({ block: "nearest" });
    return true;
  }

  function targetMessage(): ListedMessage | undefined {
    const id = focusedRow(pane.current)?.dataset.messageId;
    const settled = messages.filter((m) => !m.pending);
    return id ? settled.find((m) => m.id === id) : settled.at(-1);
  }

  useShortcut("message.next", () => step(1));
  useShortcut("message.previous", () => step(-1));
  useShortcut("message.reply", () => {
    const message = targetMessage();
    if (!message) return false;
    reply(message);
    return true;
  });
  // The AI helper's own entry point: it presses the focused message's assist button.
  useShortcut("message.aiAssist", assistFocusedMessage);
  useShortcut("escape", () => {
    if (threadOpen) {
      closeThread();
      return true;
    }
    if (replying) {
      cancelReply();
      return true;
    }
    const form = composer.current?.closest("form");
    if (form?.contains(document.activeElement)) {
      const rows = rowsIn(pane.current);
      (rows.find((row) => row.tabIndex === 0) ?? rows.at(-1))?.focus();
      return true;
    }
    return false;
  });
}
