import { TRPCClientError } from "@trpc/client";

/** A refused save, sorted by field: what the server said about each, and about the whole form. */
export type ServerErrors = { fields: Partial<Record<string, string>>; form: string | null };

export const NO_ERRORS: ServerErrors = { fields: {}, form: null };

/**
 * Input the schema rejects comes back as `error.data.issues[]` with a `path`; the domain's own
 * checks ("baseUrl: an OpenAI-compatible agent needs its endpoint") name the field at the start
 * of the message. Anything else, or a field the form does not show, is about the whole form.
 */
export function serverErrors(error: unknown, fields: readonly string[]): ServerErrors {
  if (!(error instanceof TRPCClientError)) return { fields: {}, form: String(error) };
  const result: ServerErrors = { fields: {}, form: null };
  const issues: unknown = error.data?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const path = typeof issue?.path === "string" ? issue.path.split(".")[0] : undefined;
      const message = typeof issue?.message === "string" ? issue.message : "";
      if (path && fields.includes(path)) result.fields[path] ??= message;
      else result.form = message;
    }
    return result;
  }
  const named = /^(\w+): (.+)$/s.exec(error.message);
  if (named?.[1] && named[2] && fields.includes(named[1])) result.fields[named[1]] = named[2];
  else result.form = error.message;
  return result;
}
