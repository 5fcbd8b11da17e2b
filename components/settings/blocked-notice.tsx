"use client";
import { useStrings } from "@/components/i18n/locale";
import { AGENT_BLOCKED_KEY_ENV_RETIRED } from "@/server/ai/blocked-reasons";

/** Why an agent does not run and what an admin does about it. */
export function BlockedNotice({ reason }: { reason: string }) {
  const t = useStrings("settings");
  return (
    <p
      data-blocked-reason={reason}
      className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-200"
    >
      {reason === AGENT_BLOCKED_KEY_ENV_RETIRED ? t.blockedKeyEnvRetired : t.blockedOther}
    </p>
  );
}
