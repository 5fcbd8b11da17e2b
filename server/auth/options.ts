import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyPassword } from "@/server/auth/password";
import {
  activeSessionUserId,
  createSession,
  revokeSession,
  SESSION_MAX_AGE_SECONDS,
  SessionEndedError,
} from "@/server/auth/sessions";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

const SignInInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1) });

let options: NextAuthOptions | undefined;

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
        async authorize(credentials) {
          const parsed = SignInInput.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await db().user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, email: true, name: true, image: true, passwordHash: true },
          });
          if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name, image: user.image };
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
