import { mentionToken } from "@/server/notifications/mention-tokens";

type Member = { memberId: string; name: string };

/** Folded for matching as the search does: case (in the UI's language) and diacritics. */
export function foldName(text: string, locale: string): string {
  return text.toLocaleLowerCase(locale).normalize("NFKD").replace(/\p{M}/gu, "");
}

/** The members whose name or email matches what was typed after `@`, best first. */
export function matchMembers<M extends Member & { email: string }>(
  members: M[],
  query: string,
  locale: string,
): M[] {
  const needle = foldName(query.trim(), locale);
  if (!needle) return members;
  const starts: M[] = [];
  const contains: M[] = [];
  for (const member of members) {
    const name = foldName(member.name, locale);
    const email = member.email.toLocaleLowerCase();
    if (
      name.startsWith(needle) ||
      name.split(/\s+/).some((word) => word.startsWith(needle)) ||
      email.startsWith(needle)
    )
      starts.push(member);
    else if (name.includes(needle) || email.includes(needle)) contains.push(member);
  }
  return [...starts, ...contains];
}

/**
 * The `@word` being typed just before the caret, if any: where it starts and what follows the @.
 * An @ inside a word (an email address) does not start a mention.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1] ?? "")) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/**
 * A note's text as sent: every `@Name` of a current member becomes their reference `@[id]`,
 * longest names first (so "@Ada Lovelace" wins over "@Ada"). The composer shows names; the
 * stored note holds references (server/notifications/mention-tokens.ts).
 */
export function encodeMentions(text: string, members: Member[]): string {
  const byLength = [...members].filter((m) => m.name.trim()).sort((a, b) => b.name.length - a.name.length);
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "@" && (i === 0 || /\s|\(/.test(text[i - 1] ?? ""))) {
      const member = byLength.find((m) => {
        if (!text.startsWith(m.name, i + 1)) return false;
        const after = text[i + 1 + m.name.length];
        return after === undefined || !/[\p{L}\p{N}]/u.test(after);
      });
      if (member) {
        out += mentionToken(member.memberId);
        i += 1 + member.name.length;
        continue;
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
}
