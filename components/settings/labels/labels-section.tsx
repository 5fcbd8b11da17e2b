"use client";
import { useId, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { LabelChip } from "@/components/conversations/label-chip";
import { format, useStrings } from "@/components/i18n/locale";
import {
  ColorPicker,
  type LabelErrors,
  labelErrors,
  NO_LABEL_ERRORS,
} from "@/components/settings/labels/label-fields";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { Notice } from "@/components/ui/notice";
import { rowMenuButton, useReturnFocus } from "@/components/ui/return-focus";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { type LabelColor, paletteName } from "@/server/labels/colors";
import type { LabelOutput } from "@/server/labels/schemas";

/** The workspace's labels: add, rename, recolour, delete. */
export function LabelsSection() {
  const t = useStrings("labels");
  const labels = trpc.v1.labels.list.useQuery();
  const listId = useId();
  return (
    <div className="space-y-8">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      <AddLabel />
      <section aria-labelledby={listId}>
        <h2 id={listId} tabIndex={-1} data-list-heading className="mb-3 text-lg font-semibold">
          {t.listHeading}
        </h2>
        {labels.isPending ? (
          <p className="text-sm text-slate-600">{t.loading}</p>
        ) : labels.isError ? (
          <Notice tone="error">{t.loadFailed}</Notice>
        ) : labels.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t.empty}</p>
        ) : (
          <LabelsTable labels={labels.data} />
        )}
      </section>
    </div>
  );
}

function AddLabel() {
  const t = useStrings("labels");
  const toast = useToast();
  const utils = trpc.useUtils();
  const headingId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [color, setColor] = useState<LabelColor>("blue");
  const [errors, setErrors] = useState<LabelErrors>(NO_LABEL_ERRORS);
  const create = trpc.v1.labels.create.useMutation({
    onSuccess: (label) => {
      void utils.v1.labels.list.invalidate();
      setName("");
      setErrors(NO_LABEL_ERRORS);
      toast(format(t.added, { name: label.name }));
      nameInput.current?.focus();
    },
    onError: (error) => setErrors(labelErrors(error, t)),
  });
  return (
    <section aria-labelledby={headingId} className="max-w-2xl">
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {t.addHeading}
      </h2>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, color });
        }}
      >
        <TextField
          ref={nameInput}
          className="max-w-sm"
          label={t.name}
          value={name}
          maxLength={50}
          required
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <ColorPicker value={color} onChange={setColor} />
        {errors.form ? (
          <Notice tone="error">
            {t.serverSaid} <span lang="en">{errors.form}</span>
          </Notice>
        ) : null}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t.adding : t.add}
        </Button>
      </form>
    </section>
  );
}

function LabelsTable({ labels }: { labels: LabelOutput[] }) {
  const t = useStrings("labels");
  const toast = useToast();
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState<LabelOutput | null>(null);
  const [deleting, setDeleting] = useState<LabelOutput | null>(null);
  const returnFocus = useReturnFocus();
  const backToRow = (id: string) => returnFocus(() => rowMenuButton("label-id", id));
  const remove = trpc.v1.labels.delete.useMutation({
    onSuccess: (_, { id }) => {
      utils.v1.labels.list.setData(undefined, (list) => list?.filter((l) => l.id !== id));
      toast(format(t.deleted, { name: deleting?.name ?? "" }));
      setDeleting(null);
      // Its row is gone: the list's heading takes focus.
      returnFocus(() => document.querySelector<HTMLElement>("[data-list-heading]"));
    },
  });
  return (
    <>
      <Table>
        <TableHead
          columns={[
            { label: t.columnLabel },
            { label: t.columnColor },
            { label: t.columnActions, srOnly: true },
          ]}
        />
        <tbody>
          {labels.map((label) => (
            <TableRow key={label.id} data-label-id={label.id}>
              <RowHeader>
                <LabelChip name={label.name} color={label.color} />
              </RowHeader>
              <Cell>{t[paletteName(label.color)]}</Cell>
              <Cell className="text-end">
                <Menu
                  label={format(t.actionsFor, { name: label.name })}
                  trigger={t.actions}
                  items={[
                    { label: t.edit, onSelect: () => setEditing(label) },
                    { label: t.delete, tone: "danger", onSelect: () => setDeleting(label) },
                  ]}
                />
              </Cell>
            </TableRow>
          ))}
        </tbody>
      </Table>
      {editing ? (
        <EditLabel
          label={editing}
          onSaved={(label) => {
            utils.v1.labels.list.setData(undefined, (list) =>
              list?.map((l) => (l.id === label.id ? label : l)).sort((a, b) => a.name.localeCompare(b.name)),
            );
            setEditing(null);
            backToRow(label.id);
            toast(format(t.saved, { name: label.name }));
          }}
          onClose={() => {
            setEditing(null);
            backToRow(editing.id);
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
            backToRow(deleting.id);
            remove.reset();
          }}
        />
      ) : null}
    </>
  );
}

function EditLabel({
  label,
  onSaved,
  onClose,
}: {
  label: LabelOutput;
  onSaved: (label: LabelOutput) => void;
  onClose: () => void;
}) {
  const t = useStrings("labels");
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState<LabelColor>(paletteName(label.color));
  const [errors, setErrors] = useState<LabelErrors>(NO_LABEL_ERRORS);
  const update = trpc.v1.labels.update.useMutation({
    onSuccess: onSaved,
    onError: (error) => setErrors(labelErrors(error, t)),
  });
  return (
    <Dialog title={format(t.editTitle, { name: label.name })} onClose={onClose}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: label.id, name, color });
        }}
      >
        <TextField
          label={t.name}
          value={name}
          maxLength={50}
          required
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <ColorPicker value={color} onChange={setColor} />
        <p className="text-sm">
          <LabelChip name={name || label.name} color={color} />
        </p>
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
