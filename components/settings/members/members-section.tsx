"use client";
import { useStrings } from "@/components/i18n/locale";

export function MembersSection() {
  const t = useStrings("members");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
