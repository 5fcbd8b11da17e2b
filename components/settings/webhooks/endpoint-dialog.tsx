"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import {
  type EndpointDraft,
  type EndpointErrors,
  EndpointFields,
  endpointErrors,
  NO_ENDPOINT_ERRORS,
} from "@/components/settings/webhooks/endpoint-fields";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { WebhookEndpointOutput } from "@/server/webhooks/schemas";

/** Changes an endpoint's address, description or events; its secret and log stay. */
export function EndpointDialog({
  endpoint,
  onSaved,
  onClose,
}: {
  endpoint: WebhookEndpointOutput;
  onSaved: (endpoint: WebhookEndpointOutput) => void;
  onClose: () => void;
}) {
  const t = useStrings("webhooks");
  const [draft, setDraft] = useState<EndpointDraft>({
    url: endpoint.url,
    description: endpoint.description ?? "",
    events: endpoint.events,
  });
  const [errors, setErrors] = useState<EndpointErrors>(NO_ENDPOINT_ERRORS);
  const update = trpc.v1.webhooks.update.useMutation({
    onSuccess: onSaved,
    onError: (error) => setErrors(endpointErrors(error, t)),
  });
  return (
    <Dialog title={t.editTitle} onClose={onClose}>
      <form
        noValidate
        className="mt-4 grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: endpoint.id, ...draft, description: draft.description.trim() || null });
        }}
      >
        <EndpointFields draft={draft} errors={errors} onChange={setDraft} />
        {errors.form ? (
          <Notice tone="error">
            {t.serverSaid} <span lang="en">{errors.form}</span>
          </Notice>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? t.saving : t.save}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
