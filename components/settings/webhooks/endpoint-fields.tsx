"use client";
import { TRPCClientError } from "@trpc/client";
import { useId } from "react";
import { useStrings } from "@/components/i18n/locale";
import { serverErrors } from "@/components/settings/server-errors";
import { CheckboxField, TextField } from "@/components/ui/field";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/server/webhooks/schemas";

type Strings = ReturnType<typeof useStrings<"webhooks">>;

export type EndpointDraft = { url: string; description: string; events: WebhookEventType[] };
export type EndpointErrors = { url: string | null; events: string | null; form: string | null };
export const NO_ENDPOINT_ERRORS: EndpointErrors = { url: null, events: null, form: null };

export function eventName(type: WebhookEventType, t: Strings): string {
  const names: Record<WebhookEventType, string> = {
    "message.created": t.eventMessageCreated,
    "conversation.created": t.eventConversationCreated,
    "conversation.updated": t.eventConversationUpdated,
    "ai_run.succeeded": t.eventAiRunSucceeded,
    "ai_run.failed": t.eventAiRunFailed,
  };
  return names[type];
}

/** The server's refusal, in the page's language for the fields the form shows. */
export function endpointErrors(error: unknown, t: Strings): EndpointErrors {
  const { fields, form } = serverErrors(error, ["url", "events", "description"]);
  // The limit names the url field (the one being added), but it is about the whole workspace.
  const tooMany = error instanceof TRPCClientError && /at most \d+ webhook endpoints/.test(error.message);
  return {
    url:
      !fields.url || tooMany
        ? null
        : /does not send to|not allowed/i.test(fields.url)
          ? t.urlRefused
          : t.urlInvalid,
    events: fields.events ? t.eventsRequired : null,
    form: tooMany ? t.tooMany : (fields.description ?? form),
  };
}

/** URL, description and the events to send: the same fields to add an endpoint and to edit one. */
export function EndpointFields({
  draft,
  errors,
  onChange,
  urlRef,
}: {
  draft: EndpointDraft;
  errors: EndpointErrors;
  onChange: (draft: EndpointDraft) => void;
  urlRef?: React.Ref<HTMLInputElement>;
}) {
  const t = useStrings("webhooks");
  const ids = { legend: useId(), hint: useId(), error: useId() };
  const toggle = (type: WebhookEventType, on: boolean) =>
    onChange({
      ...draft,
      events: WEBHOOK_EVENT_TYPES.filter((e) => (e === type ? on : draft.events.includes(e))),
    });
  return (
    <>
      <TextField
        ref={urlRef}
        className="sm:col-span-2"
        label={t.url}
        hint={t.urlHint}
        type="url"
        inputMode="url"
        dir="ltr"
        value={draft.url}
        maxLength={2000}
        required
        autoComplete="off"
        spellCheck={false}
        error={errors.url}
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
      />
      <TextField
        className="sm:col-span-2"
        label={t.description}
        hint={t.descriptionHint}
        value={draft.description}
        maxLength={500}
        onChange={(event) => onChange({ ...draft, description: event.target.value })}
      />
      <fieldset
        className="space-y-2 sm:col-span-2"
        aria-describedby={errors.events ? `${ids.hint} ${ids.error}` : ids.hint}
      >
        <legend className="text-sm font-medium">{t.events}</legend>
        <p id={ids.hint} className="text-xs text-slate-600">
          {t.eventsHint}
        </p>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            label={
              <>
                {eventName(type, t)}{" "}
                <code dir="ltr" className="font-mono text-xs text-slate-600">
                  {type}
                </code>
              </>
            }
            checked={draft.events.includes(type)}
            onChange={(event) => toggle(type, event.target.checked)}
          />
        ))}
        {errors.events ? (
          <p id={ids.error} className="text-sm text-red-700">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
