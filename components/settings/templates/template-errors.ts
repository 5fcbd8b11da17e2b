import { TRPCClientError } from "@trpc/client";
import { format, type useStrings } from "@/components/i18n/locale";
import type { Locale } from "@/server/connect/locales";

export type TemplateErrors = {
  name: string | null;
  bodies: Partial<Record<Locale, string>>;
  /** About the bodies as a whole (none written). */
  content: string | null;
  form: string | null;
};
export const NO_TEMPLATE_ERRORS: TemplateErrors = { name: null, bodies: {}, content: null, form: null };

/**
 * The server's refusal, in the page's language: the name, each locale's body (`content.ar`: a
 * `{{…}}` that is not a variable), no body at all; anything else as the server said it.
 */
export function templateErrors(
  error: unknown,
  t: ReturnType<typeof useStrings<"templates">>,
): TemplateErrors {
  const result: TemplateErrors = { name: null, bodies: {}, content: null, form: null };
  if (!(error instanceof TRPCClientError)) return { ...result, form: String(error) };
  const issues: { path: string; message: string }[] = Array.isArray(error.data?.issues)
    ? error.data.issues
    : [{ path: /^([\w.]+): /.exec(error.message)?.[1] ?? "", message: error.message }];
  for (const { path, message } of issues) {
    const locale = /^content\.(en|ar|tr)$/.exec(path)?.[1] as Locale | undefined;
    if (path === "name") result.name = error.data?.code === "CONFLICT" ? t.nameTaken : t.nameRequired;
    else if (locale) {
      const snippet = /^(.*) is not a variable/s.exec(message)?.[1] ?? message;
      result.bodies[locale] = format(t.bodyInvalid, { snippet });
    } else if (path === "content") result.content = t.bodyRequired;
    else result.form = message;
  }
  return result;
}
