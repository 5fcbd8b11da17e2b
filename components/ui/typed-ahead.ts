/**
 * What was typed into a picker's stand-in while the picker's own code was still on its way
 * (components/conversations/lazy-pickers.tsx): the picker's search field starts with it. One at a
 * time, as one picker opens at a time.
 */
let typed: string | null = null;

export function typeAhead(text: string): void {
  typed = text;
}

export function typedAhead(): string {
  return typed ?? "";
}

export function forgetTypedAhead(): void {
  typed = null;
}
