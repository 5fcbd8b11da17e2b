"use client";
import { useStrings } from "@/components/i18n/locale";

export function LabelsSection() {
  const t = useStrings("labels");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
