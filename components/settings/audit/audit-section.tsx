"use client";
import { useStrings } from "@/components/i18n/locale";

export function AuditLogSection() {
  const t = useStrings("audit");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
