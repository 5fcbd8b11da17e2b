import { serverErrors } from "@/components/settings/server-errors";

export type AccountField = "name" | "email" | "password" | "workspaceName";
type Messages = {
  nameRequired: string;
  emailInvalid?: string;
  emailTaken: string;
  passwordShort: string;
  passwordCommon: string;
  workspaceRequired?: string;
};

/**
 * The server's refusal of a new account, field by field, in the page's language: the server
 * names the field and says why in English; the page says it in the person's words.
 */
export function accountFieldErrors(
  error: unknown,
  fields: readonly AccountField[],
  t: Messages,
): { fields: Partial<Record<AccountField, string>>; form: string | null } {
  const refused = serverErrors(error, fields);
  const result: Partial<Record<AccountField, string>> = {};
  for (const field of fields) {
    const message = refused.fields[field];
    if (!message) continue;
    if (field === "password") result.password = /common/.test(message) ? t.passwordCommon : t.passwordShort;
    else if (field === "email")
      result.email = /already exists/.test(message) ? t.emailTaken : (t.emailInvalid ?? message);
    else if (field === "name") result.name = t.nameRequired;
    else result.workspaceName = t.workspaceRequired ?? message;
  }
  return { fields: result, form: refused.form };
}
