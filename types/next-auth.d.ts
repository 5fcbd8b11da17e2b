import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side Session row this cookie belongs to (server/auth/sessions.ts). */
    sid?: string;
  }
}
