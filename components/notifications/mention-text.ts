import { mentionToken } from "@/server/notifications/mention-tokens";

type Member = { memberId: string; name: string };

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
