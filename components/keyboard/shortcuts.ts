/**
 * Every keyboard shortcut, matched on the PHYSICAL key (`KeyboardEvent.code`), never on the
 * typed character: the same keys work on English, Arabic and Turkish layouts. No shortcut
 * uses Alt/AltGr, which types letters on many layouts.
 */
export type ShortcutId =
  | "conversation.next"
  | "conversation.previous"
  | "conversation.open"
  | "message.next"
  | "message.previous"
  | "composer.focus"
  | "composer.send"
  | "message.reply"
  | "composer.internalNote"
  | "composer.nextLocale"
  | "composer.template"
  | "composer.attach"
  | "message.aiAssist"
  | "conversation.resolve"
  | "conversation.assign"
  | "conversation.assignToMe"
  | "conversation.markUnread"
  | "conversation.labels"
  | "conversation.snooze"
  | "undo"
  | "selection.toggle"
  | "selection.extendDown"
  | "selection.extendUp"
  | "selection.all"
  | "search.focus"
  | "filter.open"
  | "filter.pending"
  | "filter.resolved"
  | "filter.snoozed"
  | "filter.mine"
  | "filter.unassigned"
  | "filter.all"
  | "settings.open"
  | "inbox.open"
  | "customers.open"
  | "notifications.open"
  | "customers.search"
  | "escape"
  | "help"
  | "palette";

export type KeyChord = { code: string; shift?: boolean; mod?: boolean };

export type Shortcut = {
  id: ShortcutId;
  group: "navigation" | "reply" | "conversation" | "general";
  /** A chord, or a two-key sequence (`g` then `o`). */
  keys: KeyChord[];
  /** Fires while typing in a field: only chords with a modifier, and Escape. */
  inFields?: boolean;
  /** Still works when the member turned single-key shortcuts off. */
  essential?: boolean;
};

export const SHORTCUTS: Shortcut[] = [
  { id: "conversation.next", group: "navigation", keys: [{ code: "KeyJ" }] },
  { id: "conversation.previous", group: "navigation", keys: [{ code: "KeyK" }] },
  { id: "conversation.open", group: "navigation", keys: [{ code: "KeyO" }] },
  { id: "message.next", group: "navigation", keys: [{ code: "KeyJ", shift: true }] },
  { id: "message.previous", group: "navigation", keys: [{ code: "KeyK", shift: true }] },
  { id: "search.focus", group: "navigation", keys: [{ code: "Slash" }] },
  { id: "filter.open", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyO" }] },
  { id: "filter.pending", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyP" }] },
  { id: "filter.resolved", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyR" }] },
  { id: "filter.snoozed", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyZ" }] },
  { id: "filter.mine", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyM" }] },
  { id: "filter.unassigned", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyU" }] },
  { id: "filter.all", group: "navigation", keys: [{ code: "KeyG" }, { code: "KeyA" }] },
  { id: "composer.focus", group: "reply", keys: [{ code: "KeyR" }] },
  { id: "message.reply", group: "reply", keys: [{ code: "KeyR", shift: true }] },
  { id: "composer.internalNote", group: "reply", keys: [{ code: "KeyN" }] },
  {
    id: "composer.nextLocale",
    group: "reply",
    keys: [{ code: "KeyL", mod: true, shift: true }],
    inFields: true,
  },
  { id: "composer.template", group: "reply", keys: [{ code: "KeyT" }] },
  { id: "composer.attach", group: "reply", keys: [{ code: "KeyU", shift: true }] },
  {
    id: "composer.send",
    group: "reply",
    keys: [{ code: "Enter", mod: true }],
    inFields: true,
    essential: true,
  },
  { id: "message.aiAssist", group: "reply", keys: [{ code: "KeyA", shift: true }] },
  { id: "conversation.resolve", group: "conversation", keys: [{ code: "KeyE" }] },
  { id: "conversation.assignToMe", group: "conversation", keys: [{ code: "KeyI" }] },
  { id: "conversation.assign", group: "conversation", keys: [{ code: "KeyA" }] },
  { id: "conversation.markUnread", group: "conversation", keys: [{ code: "KeyU" }] },
  { id: "conversation.labels", group: "conversation", keys: [{ code: "KeyL" }] },
  { id: "conversation.snooze", group: "conversation", keys: [{ code: "KeyS" }] },
  { id: "undo", group: "conversation", keys: [{ code: "KeyZ" }] },
  { id: "selection.toggle", group: "conversation", keys: [{ code: "KeyX" }] },
  { id: "selection.extendDown", group: "conversation", keys: [{ code: "ArrowDown", shift: true }] },
  { id: "selection.extendUp", group: "conversation", keys: [{ code: "ArrowUp", shift: true }] },
  { id: "selection.all", group: "conversation", keys: [{ code: "KeyA", mod: true }] },
  { id: "settings.open", group: "general", keys: [{ code: "KeyG" }, { code: "KeyS" }] },
  { id: "inbox.open", group: "general", keys: [{ code: "KeyG" }, { code: "KeyI" }] },
  { id: "customers.open", group: "general", keys: [{ code: "KeyG" }, { code: "KeyC" }] },
  { id: "notifications.open", group: "general", keys: [{ code: "KeyG" }, { code: "KeyN" }] },
  { id: "customers.search", group: "general", keys: [{ code: "Slash" }] },
  { id: "escape", group: "general", keys: [{ code: "Escape" }], inFields: true, essential: true },
  { id: "help", group: "general", keys: [{ code: "Slash", shift: true }] },
  { id: "palette", group: "general", keys: [{ code: "KeyK", mod: true }], inFields: true, essential: true },
];

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** Whether a key event is this chord: Ctrl on Windows/Linux and ⌘ on macOS are both "mod". */
export function matchesChord(
  event: Pick<KeyboardEvent, "code" | "shiftKey" | "ctrlKey" | "metaKey">,
  chord: KeyChord,
) {
  const mod = event.ctrlKey || event.metaKey;
  return event.code === chord.code && Boolean(chord.shift) === event.shiftKey && Boolean(chord.mod) === mod;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(
      target.type,
    );
  }
  return false;
}
