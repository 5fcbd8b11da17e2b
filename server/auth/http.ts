import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { throttledSignInError } from "@/server/auth/sign-in-errors";
import { admitSignInAttempt } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { currentRequestScope } from "@/server/http/request-scope";
import { unexpectedErrorResponse } from "@/server/http/route";
import { readCappedText } from "@/server/limits/body";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

// An email, a password, a CSRF token and a callback URL, form-encoded.
const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;

class SignInBodyTooLarge extends Error {}

function throttled(req: NextRequest, retryAfterSeconds: number): Response {
  // next-auth's signIn() reads `error` from the `url` of its JSON answer.
  const url = new URL("/sign-in", env().NEXTAUTH_URL ?? req.nextUrl.origin);
  url.searchParams.set("error", throttledSignInError(retryAfterSeconds));
  return Response.json(
    { url: url.toString() },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}

/**
 * The credentials sign-in, throttled before next-auth sees it: 429 with Retry-After once the
 * account or the client's address has used its attempts. Returns the request to hand on (its
 * body was read here), or the refusal.
 */
async function gateCredentialsSignIn(req: NextRequest): Promise<NextRequest | Response> {
  let text: string;
  try {
    text = await readCappedText(req, MAX_SIGN_IN_BODY_BYTES, () => new SignInBodyTooLarge());
  } catch (error) {
    if (error instanceof SignInBodyTooLarge) {
      return Response.json({ error: "The sign-in request is too large." }, { status: 413 });
    }
    throw error;
  }
  const form = new URLSearchParams(text);
  const gate = await admitSignInAttempt(db(), {
    email: form.get("email") ?? "",
    address: clientAddress(req.headers, env().TRUST_PROXY_HOPS),
  });
  if (!gate.allowed) return throttled(req, gate.retryAfterSeconds);
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: text });
}

/** /api/auth/*: next-auth, with the credentials sign-in throttled and its failures answered here. */
export async function handleAuthRequest(req: NextRequest, context: AuthRouteContext): Promise<Response> {
  const params = await context.params;
  let request = req;
  if (req.method === "POST" && params.nextauth[0] === "callback" && params.nextauth[1] === "credentials") {
    const gated = await gateCredentialsSignIn(req);
    if (gated instanceof Response) return gated;
    request = gated;
  }
  const response = await NextAuth(request, { params }, authOptions());
  const failure = currentRequestScope()?.failure;
  return failure ? unexpectedErrorResponse("sign-in", failure) : response;
}
