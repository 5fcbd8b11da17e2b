import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { EmailAddress } from "@/server/auth/email";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import {
  activeSessionUserId,
  createSession,
  revokeSession,
  SESSION_MAX_AGE_SECONDS,
  SessionEndedError,
} from "@/server/auth/sessions";
import { signInSucceeded } from "@/server/auth/sign-in-throttle";
import { type Db, db } from "@/server/db/client";
import { env } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { currentRequestScope } from "@/server/http/request-scope";

const SignInInput = z.object({ email: EmailAddress, password: z.string().min(1) });

type SignedIn = { id: string; email: string; name: string; image: string | null };

let options: NextAuthOptions | undefined;
let dummyHash: Promise<string> | undefined;

/**
 * The user whose password this is, or null. An unknown email is checked against a dummy hash
 * of the same scrypt cost, so it takes the same work and time as a known one.
 */
export async function checkCredentials(
  database: Db,
  credentials: unknown,
  address: string | null,
): Promise<SignedIn | null> {
  dummyHash ??= hashPassword(randomUUID());
  const parsed = SignInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await database.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true },
  });
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !matches) return null;
  await signInSucceeded(database, { email: parsed.data.email, address });
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

/** Built on first use so that `next build` needs no secret and no database. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          try {
            const headers = new Headers(req.headers as Record<string, string> | undefined);
            return await checkCredentials(db(), credentials, clientAddress(headers, env().TRUST_PROXY_HOPS));
          } catch (error) {
            // next-auth would put this error's message in the URL it answers; the route
            // (server/auth/http.ts) answers the failure itself, with the request id.
            const scope = currentRequestScope();
            if (scope) scope.failure = error;
            throw new Error("ServerError");
          }
        },
      }),
    ],
    callbacks: {
      // The cookie is a JWT, but it names a Session row, so the server can end it (sign-out,
      // password change, removal). next-auth calls this on sign-in and for every session read.
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id, sid: await createSession(db(), user.id) };
        const userId = await activeSessionUserId(db(), token.sid);
        if (!userId || userId !== token.sub) throw new SessionEndedError("session ended");
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await revokeSession(db(), token?.sid);
      },
    },
    logger: {
      // An ended session is an expected outcome (next-auth clears the cookie), not an error to log.
      error(code, metadata) {
        if (metadata instanceof SessionEndedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
  return options;
}
