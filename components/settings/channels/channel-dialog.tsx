"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import {
  type ChannelErrors,
  channelErrors,
  NO_CHANNEL_ERRORS,
} from "@/components/settings/channels/channel-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ChannelSettingsOutput } from "@/server/channels/schemas";

/** Renames a channel or changes its identifier; its kind stays. */
export function ChannelDialog({
  channel,
  onSaved,
  onClose,
}: {
  channel: ChannelSettingsOutput;
  onSaved: (channel: ChannelSettingsOutput) => void;
  onClose: () => void;
}) {
  const t = useStrings("channels");
  const [fields, setFields] = useState({ name: channel.name, identifier: channel.identifier });
  const [errors, setErrors] = useState<ChannelErrors>(NO_CHANNEL_ERRORS);
  const update = trpc.v1.channels.update.useMutation({
    onSuccess: onSaved,
    onError: (error) => setErrors(channelErrors(error, t)),
  });
  return (
    <Dialog title={format(t.editTitle, { name: channel.name })} onClose={onClose}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: channel.id, ...fields });
        }}
      >
        <TextField
          label={t.name}
          value={fields.name}
          maxLength={100}
          required
          error={errors.name}
          onChange={(event) => setFields({ ...fields, name: event.target.value })}
        />
        <TextField
          label={t.identifier}
          hint={`${t.identifierHint} ${t.identifierChangeHint}`}
          value={fields.identifier}
          dir="ltr"
          maxLength={255}
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.identifier}
          onChange={(event) => setFields({ ...fields, identifier: event.target.value })}
        />
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
