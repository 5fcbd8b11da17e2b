"use client";
import { AvatarImage, customerAvatarSrc } from "@/components/customers/avatar-image";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * Initials from the first and last word: "Sarah Mitchell" → "SM", "İpek Işık" → "İI". Arabic
 * takes one letter: two would join into what reads as a word ("سا" for "سارة القحطاني").
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const initial = firstGrapheme(first);
  if (ARABIC_SCRIPT.test(initial)) return initial;
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const second = last ? firstGrapheme(last) : "";
  return (ARABIC_SCRIPT.test(second) ? initial : initial + second).toLocaleUpperCase();
}

const PALETTE = [
  "bg-sky-100 text-sky-800",
  "bg-emerald-100 text-emerald-800",
  "bg-amber-100 text-amber-900",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-teal-100 text-teal-800",
  "bg-orange-100 text-orange-900",
  "bg-indigo-100 text-indigo-800",
];

/** The same customer gets the same colour everywhere. */
function paletteFor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? "bg-slate-100 text-slate-800";
}

type Props = {
  customerId: string;
  name: string;
  image: string | null;
  size?: "sm" | "lg";
};

/** Decorative: the customer's name is always written next to it. */
export function CustomerAvatar({ customerId, name, image, size = "sm" }: Props) {
  const box = size === "lg" ? "size-12 text-base" : "size-9 text-xs";
  const initials = (
    <span
      aria-hidden="true"
      className={`${box} ${paletteFor(customerId)} inline-flex shrink-0 items-center justify-center rounded-full font-semibold`}
    >
      {initialsOf(name)}
    </span>
  );
  if (!image) return initials;
  return (
    <AvatarImage
      src={customerAvatarSrc(customerId, image)}
      className={`${box} shrink-0 rounded-full object-cover`}
      fallback={initials}
    />
  );
}
