import type { MessageOutput } from "@/server/connect/schemas";

export const INTERNAL_FLAG = "internal";

export type MessageKind = "customer" | "member" | "ai" | "note" | "system";

export function messageKind(message: Pick<MessageOutput, "sender" | "flags">): MessageKind {
  if (message.flags.includes(INTERNAL_FLAG)) return "note";
  return message.sender.type;
}

/** Customers on the start side, the team (members, AI, notes) on the end side, system lines centred. */
export function sideOf(kind: MessageKind): "start" | "end" | "center" {
  if (kind === "customer") return "start";
  if (kind === "system") return "center";
  return "end";
}

export const bubbleClass: Record<MessageKind, string> = {
  customer: "bg-white border border-slate-200 text-slate-900",
  member: "bg-blue-50 border border-blue-200 text-slate-900",
  ai: "bg-violet-50 border border-violet-200 text-slate-900",
  note: "bg-amber-50 border border-amber-300 text-slate-900",
  system: "bg-transparent text-slate-500",
};
