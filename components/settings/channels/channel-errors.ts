import { TRPCClientError } from "@trpc/client";
import type { useStrings } from "@/components/i18n/locale";
import { serverErrors } from "@/components/settings/server-errors";

export type ChannelErrors = { name: string | null; identifier: string | null; form: string | null };
export const NO_CHANNEL_ERRORS: ChannelErrors = { name: null, identifier: null, form: null };

/** The server's refusal, in the page's language for the fields the form shows. */
export function channelErrors(error: unknown, t: ReturnType<typeof useStrings<"channels">>): ChannelErrors {
  const { fields, form } = serverErrors(error, ["name", "kind", "identifier"]);
  const conflict = error instanceof TRPCClientError && error.data?.code === "CONFLICT";
  return {
    name: fields.name ? t.nameRequired : null,
    identifier: fields.identifier ? (conflict ? t.identifierTaken : t.identifierInvalid) : null,
    form: fields.kind ?? form,
  };
}
