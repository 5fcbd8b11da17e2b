// Plain constants, no zod: client components import these, and zod must stay out of the browser bundle.
export const LOCALES = ["en", "ar", "tr"] as const;
export type Locale = (typeof LOCALES)[number];
