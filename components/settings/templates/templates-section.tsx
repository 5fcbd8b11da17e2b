"use client";
import { useStrings } from "@/components/i18n/locale";

export function TemplatesSection() {
  const t = useStrings("templates");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
