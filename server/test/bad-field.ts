import { ZodError } from "zod";
import { trpcError } from "@/server/test/errors";

/**
 * The fields a refused call names: the paths of the schema's issues (as the HTTP answer lists
 * them), or the field a domain check's message starts with ("identifier: …").
 */
export async function badFields(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  const error = await trpcError(call);
  if (error.cause instanceof ZodError) {
    return {
      code: error.code,
      fields: [...new Set(error.cause.issues.map((issue) => issue.path.join(".")))],
    };
  }
  const named = /^([\w.[\]]+): /.exec(error.message);
  return { code: error.code, fields: named?.[1] ? [named[1]] : [] };
}
