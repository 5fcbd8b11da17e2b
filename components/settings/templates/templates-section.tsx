"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { format, useStrings } from "@/components/i18n/locale";
import { TemplateEditor } from "@/components/settings/templates/template-editor";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu } from "@/components/ui/menu";
import { Notice } from "@/components/ui/notice";
import { rowMenuButton, useReturnFocus } from "@/components/ui/return-focus";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { LOCALES } from "@/server/connect/locales";
import type { TemplateSettingsOutput } from "@/server/templates/schemas";

/** The workspace's templates: create, edit (with a preview against a conversation), delete. */
export function TemplatesSection() {
  const t = useStrings("templates");
  const toast = useToast();
  const utils = trpc.useUtils();
  const templates = trpc.v1.templates.list.useQuery();
  const listId = useId();
  const [editing, setEditing] = useState<TemplateSettingsOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<TemplateSettingsOutput | null>(null);
  const returnFocus = useReturnFocus();
  const newButton = useRef<HTMLButtonElement>(null);
  /** Back to the row's menu button, or to New template for a new one. */
  const backFrom = (id: string | null) =>
    returnFocus(() => (id ? rowMenuButton("template-id", id) : newButton.current));
  const languageNames = { en: t.english, ar: t.arabic, tr: t.turkish };
  const remove = trpc.v1.templates.delete.useMutation({
    onSuccess: (_, { id }) => {
      utils.v1.templates.list.setData(undefined, (list) => list?.filter((x) => x.id !== id));
      void utils.v1.workspace.templates.invalidate();
      toast(format(t.deleted, { name: deleting?.name ?? "" }));
      setDeleting(null);
      returnFocus(() => document.querySelector<HTMLElement>("[data-list-heading]"));
    },
  });

  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      <Button ref={newButton} variant="primary" onClick={() => setEditing("new")}>
        {t.newTemplate}
      </Button>
      <section aria-labelledby={listId}>
        <h2 id={listId} tabIndex={-1} data-list-heading className="mb-3 text-lg font-semibold">
          {t.listHeading}
        </h2>
        {templates.isPending ? (
          <p className="text-sm text-slate-600">{t.loading}</p>
        ) : templates.isError ? (
          <Notice tone="error">{t.loadFailed}</Notice>
        ) : templates.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t.empty}</p>
        ) : (
          <Table>
            <TableHead
              columns={[
                { label: t.columnName },
                { label: t.columnLanguages },
                { label: t.columnVariables },
                { label: t.columnActions, srOnly: true },
              ]}
            />
            <tbody>
              {templates.data.map((template) => (
                <TableRow key={template.id} data-template-id={template.id}>
                  <RowHeader>{template.name}</RowHeader>
                  <Cell>
                    {LOCALES.filter((locale) => template.content[locale])
                      .map((locale) => languageNames[locale])
                      .join(", ")}
                  </Cell>
                  <Cell>
                    {template.placeholders.length > 0 ? (
                      <code dir="ltr" className="text-xs">
                        {template.placeholders.join(", ")}
                      </code>
                    ) : (
                      t.none
                    )}
                  </Cell>
                  <Cell className="text-end">
                    <Menu
                      label={format(t.actionsFor, { name: template.name })}
                      trigger={t.actions}
                      items={[
                        { label: t.edit, onSelect: () => setEditing(template) },
                        { label: t.delete, tone: "danger", onSelect: () => setDeleting(template) },
                      ]}
                    />
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {editing ? (
        <TemplateEditor
          template={editing === "new" ? null : editing}
          onSaved={(saved, created) => {
            void utils.v1.templates.list.invalidate();
            void utils.v1.workspace.templates.invalidate();
            setEditing(null);
            backFrom(saved.id);
            toast(format(created ? t.created : t.saved, { name: saved.name }));
          }}
          onClose={() => {
            setEditing(null);
            backFrom(editing === "new" ? null : editing.id);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={format(t.deleteTitle, { name: deleting.name })}
          body={t.deleteBody}
          confirmLabel={t.deleteConfirm}
          pendingLabel={t.deleting}
          cancelLabel={t.cancel}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() => remove.mutate({ id: deleting.id })}
          onClose={() => {
            setDeleting(null);
            backFrom(deleting.id);
            remove.reset();
          }}
        />
      ) : null}
    </div>
  );
}
