import type { ReactNode } from "react";

/** The signed-out pages' frame: one card in the middle of the page. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{title}</h1>
        {intro ? <p className="mb-6 text-sm text-slate-600">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
