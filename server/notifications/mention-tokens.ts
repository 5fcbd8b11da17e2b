/**
 * A mention in a note's text: `@[<memberId>]`. The text keeps the reference, not the name, so the
 * note shows the member's current name wherever it is read (the inbox renders it as a chip; the
 * Connect API returns the text as stored). Pure: the composer and the message view import it too.
 */
export const MENTION_TOKEN = /@\[([A-Za-z0-9_-]{1,64})\]/g;

export function mentionToken(memberId: string): string {
  return `@[${memberId}]`;
}

/** The member ids a message's content mentions, each once, in order of first mention. */
export function mentionedMemberIds(content: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const value of Object.values(content)) {
    if (typeof value !== "string") continue;
    for (const match of value.matchAll(MENTION_TOKEN)) if (match[1]) ids.add(match[1]);
  }
  return [...ids];
}

export type MentionPart = { kind: "text"; text: string } | { kind: "mention"; memberId: string };

/** A note's text cut into plain runs and mentions, for rendering. */
export function splitMentions(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let at = 0;
  for (const match of text.matchAll(MENTION_TOKEN)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ kind: "text", text: text.slice(at, index) });
    parts.push({ kind: "mention", memberId: match[1] ?? "" });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}
