import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

const SignInInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1) });

let options: NextAuthOptions | undefined;

/** Built on first use so that `next build` needs no secret and no database. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return options;
}
