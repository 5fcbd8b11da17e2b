import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Connect Inbox",
  description: "The support inbox.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put that response's CSP nonce (proxy.ts) on its
  // scripts; a page prerendered at build would carry none, and the browser would block it.
  await connection();
  return (
    <html lang="en" dir="ltr">
      <body className="h-dvh bg-white font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
