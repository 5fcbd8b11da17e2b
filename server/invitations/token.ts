import { createHash, randomBytes } from "node:crypto";
import { env } from "@/server/env";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, base64url: the link's secret. Only its sha256 is stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}

/** The link the invitee opens, on the product's public address. */
export function invitationLink(token: string): string {
  return new URL(`/invite/${token}`, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}
