/**
 * "AI assist on the focused message", for the keyboard shortcut: clicks the assist button of the
 * message that has focus (or holds it), so the shortcut does exactly what the button does.
 * Returns false when no message is focused.
 */
export function assistFocusedMessage(): boolean {
  const active = document.activeElement;
  const message =
    active instanceof HTMLElement ? active.closest("[data-message-id], [data-thread-message-id]") : null;
  const button = message?.querySelector<HTMLButtonElement>("button[data-ai-assist]");
  if (!button) return false;
  button.click();
  return true;
}
