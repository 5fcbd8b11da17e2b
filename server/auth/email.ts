import { z } from "zod";

/**
 * An email address as the product stores and looks it up: trimmed and lower-cased, so "Ann@X.com "
 * and "ann@x.com" are one account (the database's unique index on lower(email) agrees).
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EmailAddress = z
  .string()
  .max(254, "use at most 254 characters")
  .transform(normalizeEmail)
  .pipe(z.email("enter an email address like name@example.com"));
