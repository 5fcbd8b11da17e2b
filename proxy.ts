import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/server/http/security-headers";

/**
 * A fresh nonce and Content-Security-Policy for every page. Next reads the policy from the
 * request headers and puts the nonce on its own scripts; the browser gets the same policy.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: the API answers JSON and files, and must not pay for this on every call.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
