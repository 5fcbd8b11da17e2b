"use client";

/*
 * The order of the conversations the list shows, for actions taken outside it: resolving with E
 * moves on to the conversation below, as Front and Superhuman do.
 */
let order: string[] = [];

export function setListOrder(ids: string[]) {
  order = ids;
}

/** The conversation after `id` in the list, or the one before when it is the last; null when alone. */
export function neighbourOf(id: string): string | null {
  const index = order.indexOf(id);
  if (index < 0) return order[0] ?? null;
  return order[index + 1] ?? order[index - 1] ?? null;
}

/** The conversations in the list's order, as loaded. */
export function listOrder(): readonly string[] {
  return order;
}
