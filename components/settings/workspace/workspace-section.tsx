"use client";
import { useEffect, useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { signOut } from "@/components/inbox/sign-out";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useToast } from "@/components/ui/toast";

const LANGUAGES = [
  { value: "en", label: "English", lang: "en" },
  { value: "ar", label: "العربية", lang: "ar" },
  { value: "tr", label: "Türkçe", lang: "tr" },
] as const;

/** Name and mail language (owners and admins); deleting the workspace (owners). */
export function WorkspaceSection() {
  const t = useStrings("workspaceSettings");
  const settings = trpc.v1.workspace.settings.useQuery();
  const me = trpc.v1.workspace.me.useQuery();
  if (settings.isPending) return <p className="text-sm text-slate-500">{t.loading}</p>;
  if (settings.isError) return <Notice tone="error">{settings.error.message}</Notice>;
  return (
    <div className="space-y-10">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      <WorkspaceForm
        name={settings.data.name}
        defaultLocale={settings.data.defaultLocale}
        autoAssignOnReply={settings.data.autoAssignOnReply}
      />
      <DeleteWorkspace
        name={settings.data.name}
        isOwner={me.data?.role === "owner"}
        otherWorkspaces={(me.data?.workspaces.length ?? 1) - 1}
      />
    </div>
  );
}

function WorkspaceForm({
  name,
  defaultLocale,
  autoAssignOnReply,
}: {
  name: string;
  defaultLocale: string;
  autoAssignOnReply: boolean;
}) {
  const t = useStrings("workspaceSettings");
  const toast = useToast();
  const utils = trpc.useUtils();
  const [fields, setFields] = useState({ name, defaultLocale, autoAssignOnReply });
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(
    () => setFields({ name, defaultLocale, autoAssignOnReply }),
    [name, defaultLocale, autoAssignOnReply],
  );
  const update = trpc.v1.workspace.update.useMutation({
    onSuccess: (saved) => {
      utils.v1.workspace.settings.setData(undefined, saved);
      // The header and the workspace switcher show the name.
      void utils.v1.workspace.me.invalidate();
      setNameError(null);
      setFormError(null);
      toast(t.saved);
    },
    onError: (error) => {
      const { fields: refused, form } = serverErrors(error, ["name", "defaultLocale"]);
      setNameError(refused.name ? t.nameRequired : null);
      setFormError(refused.defaultLocale ?? form);
    },
  });
  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          name: fields.name,
          defaultLocale: fields.defaultLocale as "en" | "ar" | "tr",
          autoAssignOnReply: fields.autoAssignOnReply,
        });
      }}
    >
      <TextField
        label={t.name}
        value={fields.name}
        maxLength={100}
        required
        error={nameError}
        onChange={(event) => setFields({ ...fields, name: event.target.value })}
      />
      <SelectField
        label={t.defaultLanguage}
        hint={t.defaultLanguageHint}
        value={fields.defaultLocale}
        options={LANGUAGES}
        onChange={(event) => setFields({ ...fields, defaultLocale: event.target.value })}
      />
      <CheckboxField
        label={t.autoAssign}
        hint={t.autoAssignHint}
        checked={fields.autoAssignOnReply}
        onChange={(event) => setFields({ ...fields, autoAssignOnReply: event.target.checked })}
      />
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <Button type="submit" variant="primary" disabled={update.isPending}>
        {update.isPending ? t.saving : t.save}
      </Button>
    </form>
  );
}

function DeleteWorkspace({
  name,
  isOwner,
  otherWorkspaces,
}: {
  name: string;
  isOwner: boolean;
  otherWorkspaces: number;
}) {
  const t = useStrings("workspaceSettings");
  const settings = useStrings("settings");
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const members = trpc.v1.workspace.members.useQuery(undefined, { enabled: confirming });
  const remove = trpc.v1.workspace.delete.useMutation({
    // A whole page load: every cached query belonged to the deleted workspace.
    onSuccess: () => (otherWorkspaces > 0 ? window.location.assign("/inbox") : void signOut("/sign-in")),
  });
  return (
    <section
      aria-labelledby={headingId}
      className="max-w-prose space-y-3 rounded-lg border border-red-200 p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold text-red-900">
        {t.dangerHeading}
      </h2>
      <p className="text-sm text-slate-700">{t.dangerIntro}</p>
      {isOwner ? (
        <Button variant="danger-outline" onClick={() => setConfirming(true)}>
          {t.delete}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{t.ownerOnly}</p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={format(t.deleteTitle, { name })}
          body={format(t.deleteBody, { count: members.data?.length ?? "…" })}
          typeToConfirm={{ label: format(t.typeName, { name }), text: name }}
          confirmLabel={t.deleteConfirm}
          pendingLabel={t.deleting}
          cancelLabel={settings.cancel}
          pending={remove.isPending}
          error={
            remove.error
              ? /^confirmName:/.test(remove.error.message)
                ? t.wrongName
                : remove.error.message
              : null
          }
          onConfirm={(typed) => remove.mutate({ confirmName: typed })}
          onClose={() => {
            setConfirming(false);
            remove.reset();
          }}
        />
      ) : null}
    </section>
  );
}
