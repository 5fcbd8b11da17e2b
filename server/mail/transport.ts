import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env";

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

// One pooled-by-URL transport per process; a test that changes SMTP_URL gets a new one.
let cached: { url: string; transport: Transporter } | undefined;

/** Whether the operator configured outgoing mail (SMTP_URL and MAIL_FROM). */
export function mailConfigured(): boolean {
  const { SMTP_URL, MAIL_FROM } = env();
  return Boolean(SMTP_URL && MAIL_FROM);
}

/**
 * Sends one mail through the operator's SMTP server. Throws when it cannot be delivered to that
 * server; the caller decides what a failure means (an invitation stays valid without its mail).
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || !MAIL_FROM) throw new Error("mail is not configured (SMTP_URL, MAIL_FROM)");
  if (cached?.url !== SMTP_URL) {
    cached?.transport.close();
    cached = {
      url: SMTP_URL,
      transport: nodemailer.createTransport({
        url: SMTP_URL,
        // A server that does not answer must not hold the inviter's request for minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  await cached.transport.sendMail({ from: MAIL_FROM, ...mail });
}
