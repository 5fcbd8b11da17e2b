import type { ReactNode } from "react";

const TONES = {
  error: "bg-red-50 text-red-800",
  warning: "bg-amber-50 text-amber-900",
  success: "bg-green-50 text-green-800",
  info: "bg-slate-50 text-slate-700",
} as const;

/** A message in the page: an error is announced (role="alert"), the others are read in place. */
export function Notice({
  tone = "info",
  children,
  className = "",
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : undefined}
      className={`rounded-md p-3 text-sm ${TONES[tone]} ${className}`}
    >
      {children}
    </div>
  );
}
