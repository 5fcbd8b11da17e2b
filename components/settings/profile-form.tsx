"use client";
import { useEffect, useId, useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { isUiLocale } from "@/components/i18n/ui-locale";
import { serverErrors } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

type Profile = { name: string; locale: string; enterSends: boolean };

/** The person's name, interface language and how Enter behaves: theirs in every workspace. */
export function ProfileForm() {
  const t = useStrings("account");
  const toast = useToast();
  const utils = trpc.useUtils();
  const me = trpc.v1.workspace.me.useQuery();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const headingId = useId();
  const user = me.data?.user;
  useEffect(() => {
    if (user && !profile)
      setProfile({ name: user.name, locale: user.locale ?? "", enterSends: user.enterSends });
  }, [user, profile]);
  const save = trpc.v1.workspace.updatePreferences.useMutation({
    onSuccess: (saved) => {
      utils.v1.workspace.me.setData(undefined, (current) =>
        current ? { ...current, user: { ...current.user, ...saved } } : current,
      );
      setNameError(null);
      toast(t.profileSaved);
    },
    onError: (error) => {
      const { fields, form } = serverErrors(error, ["name"]);
      setNameError(fields.name ? t.displayNameRequired : form);
    },
  });
  if (!profile) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t.profileHeading}
      </h2>
      <form
        noValidate
        className="max-w-md space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            name: profile.name,
            locale: isUiLocale(profile.locale) ? profile.locale : null,
            enterSends: profile.enterSends,
          });
        }}
      >
        <TextField
          label={t.displayName}
          hint={t.displayNameHint}
          error={nameError}
          value={profile.name}
          maxLength={100}
          autoComplete="name"
          required
          onChange={(event) => setProfile({ ...profile, name: event.target.value })}
        />
        <SelectField
          label={t.interfaceLanguage}
          value={profile.locale}
          onChange={(event) => setProfile({ ...profile, locale: event.target.value })}
          options={[
            { value: "", label: t.followBrowser },
            { value: "en", label: "English", lang: "en" },
            { value: "ar", label: "العربية", lang: "ar" },
            { value: "tr", label: "Türkçe", lang: "tr" },
          ]}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t.enterHeading}</legend>
          {([false, true] as const).map((sends) => (
            <label key={String(sends)} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="enter-sends"
                checked={profile.enterSends === sends}
                onChange={() => setProfile({ ...profile, enterSends: sends })}
              />
              {sends ? t.enterSends : t.enterNewLine}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t.savingProfile : t.saveProfile}
        </Button>
      </form>
    </section>
  );
}
