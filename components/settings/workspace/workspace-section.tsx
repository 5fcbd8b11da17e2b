"use client";
import { useStrings } from "@/components/i18n/locale";

export function WorkspaceSection() {
  const t = useStrings("workspaceSettings");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
