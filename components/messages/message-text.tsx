import { lazy, Suspense } from "react";
import { directionOf } from "@/components/i18n/ui-locale";
import type { Locale } from "@/server/connect/schemas";

// Only notes that mention someone need it.
const MentionText = lazy(() =>
  import("@/components/notifications/mention-chips").then((module) => ({ default: module.MentionText })),
);
const MENTION = /@\[[A-Za-z0-9_-]{1,64}\]/;

/**
 * One locale's text as React text (never HTML): whitespace kept, the locale's own `lang` and
 * `dir`, and `unicode-bidi: plaintext` so a paragraph in another script finds its own direction.
 * Anything that is not text is shown as indented JSON.
 */
export function MessageText({
  value,
  locale,
  note = false,
}: {
  value: unknown;
  locale: Locale;
  note?: boolean;
}) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return (
      <p
        lang={locale}
        dir={directionOf(locale)}
        className="whitespace-pre-wrap break-words text-start [unicode-bidi:plaintext]"
      >
        {/* Only a note's mentions are references (checked by the server); elsewhere @[…] is text. */}
        {note && typeof value === "string" && MENTION.test(value) ? (
          <Suspense fallback={value.replace(new RegExp(MENTION.source, "g"), "@…")}>
            <MentionText text={value} />
          </Suspense>
        ) : (
          String(value)
        )}
      </p>
    );
  }
  return (
    <pre
      lang={locale}
      dir="ltr"
      data-structured-content=""
      className="max-w-full overflow-x-auto whitespace-pre-wrap break-words rounded bg-black/5 p-2 text-start font-mono text-xs [unicode-bidi:plaintext]"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
