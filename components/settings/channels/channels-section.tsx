"use client";
import { useStrings } from "@/components/i18n/locale";

export function ChannelsSection() {
  const t = useStrings("channels");
  return <p className="text-sm text-slate-600">{t.title}</p>;
}
