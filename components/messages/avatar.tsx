import { AvatarImage } from "@/components/customers/avatar-image";
import type { MessageKind } from "@/components/messages/message-kind";

const tint: Record<MessageKind, string> = {
  customer: "bg-slate-200 text-slate-700",
  member: "bg-blue-100 text-blue-800",
  ai: "bg-violet-100 text-violet-800",
  note: "bg-amber-100 text-amber-800",
  system: "bg-slate-100 text-slate-500",
};

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...(word ?? "")][0] ?? "")
    .join("")
    .toLocaleUpperCase();
}

/** `src` is same-origin for customers (customerAvatarSrc); initials when there is none or it fails. */
export function Avatar({ name, src, kind }: { name: string; src: string | null; kind: MessageKind }) {
  const initials = (
    <span
      aria-hidden="true"
      className={`flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${tint[kind]}`}
    >
      {initialsOf(name) || "?"}
    </span>
  );
  if (!src) return initials;
  return <AvatarImage src={src} className="size-8 shrink-0 rounded-full object-cover" fallback={initials} />;
}
