import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { env } from "@/server/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function ownOrigins(req: NextRequest): Set<string> {
  const origins = new Set([req.nextUrl.origin]);
  const host = req.headers.get("host");
  if (host) origins.add(`${req.nextUrl.protocol}//${host}`);
  // Behind a TLS proxy the request says http://internal-host; the public origin is NEXTAUTH_URL's.
  const configured = env().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}

/**
 * Whether a request that a session cookie authenticates came from this app's own pages. A
 * same-site page (a sibling subdomain) gets the cookie sent along too, so SameSite alone does
 * not stop it: the browser's Sec-Fetch-Site says who asked, else its Origin header does.
 * Neither present means no browser vouches for it, and a state change is refused.
 */
export function isSameOriginRequest(req: NextRequest): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  return origin !== null && ownOrigins(req).has(origin);
}

/** FORBIDDEN for a cookie-authenticated state change from another origin (uploads, switching, mutations). */
export function refuseCrossOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method) || isSameOriginRequest(req)) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: "This request did not come from the inbox's own pages, so it was refused.",
  });
}
