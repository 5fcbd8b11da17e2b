"use client";
import { useUiLocale } from "@/components/i18n/locale";
import { directionOf } from "@/components/i18n/ui-locale";

/**
 * Text that carries its own `dir` (a customer's name, a message) still lines up on the UI's
 * start edge; `text-start` would follow the text's direction instead.
 */
export function useUiStartAlign(): "text-left" | "text-right" {
  return directionOf(useUiLocale()) === "rtl" ? "text-right" : "text-left";
}
