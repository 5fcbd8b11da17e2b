"use client";
import { useMemo } from "react";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { initialsOf } from "@/components/messages/avatar";
import { useMemberNames } from "@/components/presence/member-name";
import type { ColleaguePresence } from "@/server/presence/schemas";

/** The presence line's content (components/presence/presence-line.tsx): initials, who types, who looks. */
export function PresenceNames({ colleagues }: { colleagues: ColleaguePresence[] }) {
  const t = useStrings("presence");
  const locale = useUiLocale();
  const nameOf = useMemberNames(true);
  const list = useMemo(() => new Intl.ListFormat(locale, { type: "conjunction" }), [locale]);
  const here = colleagues
    .map((c) => ({ ...c, name: nameOf(c.memberId) }))
    .filter((c): c is typeof c & { name: string } => Boolean(c.name));
  const typing = here.filter((c) => c.activity !== "viewing");
  const viewing = here.filter((c) => c.activity === "viewing");
  return (
    <>
      {here.length > 0 ? (
        <span aria-hidden="true" className="flex -space-x-1.5 rtl:space-x-reverse">
          {here.map((c) => (
            <span
              key={c.memberId}
              title={c.name}
              className={`flex size-5 items-center justify-center rounded-full text-[10px] font-semibold ring-2 ring-white ${
                c.activity === "viewing" ? "bg-emerald-100 text-emerald-900" : "bg-blue-600 text-white"
              }`}
            >
              {initialsOf(c.name)}
            </span>
          ))}
        </span>
      ) : null}
      {typing.map((c) => (
        <span key={c.memberId} data-typing={c.activity} className="font-medium text-blue-800">
          {format(c.activity === "replying" ? t.replying : t.noting, { name: c.name })}
        </span>
      ))}
      {viewing.length > 0 ? (
        <span data-viewing="">
          {format(viewing.length === 1 ? t.viewingOne : t.viewingMany, {
            names: list.format(viewing.map((c) => c.name)),
          })}
        </span>
      ) : null}
    </>
  );
}
