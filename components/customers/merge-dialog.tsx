"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { useDebounced } from "@/components/customers/list-keys";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { CustomerListItem, CustomerOutput } from "@/server/customers/schemas";

/**
 * Merge, in two steps: find the other customer and choose which one stays; then confirm, since
 * the other is deleted. Everything else (what moves, which fields are filled) is the server's.
 */
export function MergeDialog({ customer, onClose }: { customer: CustomerOutput; onClose: () => void }) {
  const t = useStrings("customers");
  const [other, setOther] = useState<CustomerListItem | null>(null);
  const [keepOther, setKeepOther] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = customerNameOf(customer, t.unnamed);

  if (confirming && other) {
    const kept = keepOther ? other : customer;
    const merged = keepOther ? customer : other;
    return (
      <ConfirmMerge
        kept={kept}
        merged={merged}
        count={keepOther ? customer.conversationCount : null}
        onClose={onClose}
      />
    );
  }
  return (
    <Dialog title={t.mergeTitle} description={format(t.mergeIntro, { name })} onClose={onClose} size="lg">
      <FindOther customerId={customer.id} chosen={other} onChoose={setOther} />
      {other ? (
        <fieldset className="mt-4 flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium">{t.mergeKeep}</legend>
          {[
            { keep: false, label: name },
            { keep: true, label: customerNameOf(other, t.unnamed) },
          ].map((option) => (
            <label key={String(option.keep)} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="merge-keep"
                checked={keepOther === option.keep}
                onChange={() => setKeepOther(option.keep)}
              />
              <bdi>{option.label}</bdi>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose}>{t.cancel}</Button>
        <Button variant="primary" disabled={!other} onClick={() => setConfirming(true)}>
          {t.mergeContinue}
        </Button>
      </div>
    </Dialog>
  );
}

function FindOther({
  customerId,
  chosen,
  onChoose,
}: {
  customerId: string;
  chosen: CustomerListItem | null;
  onChoose: (customer: CustomerListItem) => void;
}) {
  const t = useStrings("customers");
  const [typed, setTyped] = useState("");
  const search = useDebounced(typed);
  const found = trpc.v1.customers.list.useQuery(
    { search: search || null, limit: 8 },
    { placeholderData: keepPreviousData },
  );
  const others = (found.data?.items ?? []).filter((item) => item.id !== customerId);
  return (
    <div className="mt-4 flex flex-col gap-2">
      <TextField
        label={t.mergeFind}
        hint={t.searchHint}
        type="search"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {found.data && others.length === 0 ? (
        <p role="status" className="text-sm text-slate-600">
          {t.mergeNoMatches}
        </p>
      ) : (
        <fieldset className="flex max-h-60 flex-col gap-1 overflow-y-auto">
          <legend className="sr-only">{t.mergeResults}</legend>
          {others.map((item) => (
            <label
              key={item.id}
              className="flex items-center gap-2 rounded-md px-1 py-1 text-sm hover:bg-slate-50"
            >
              <input
                type="radio"
                name="merge-other"
                checked={chosen?.id === item.id}
                onChange={() => onChoose(item)}
              />
              <bdi className="font-medium">{customerNameOf(item, t.unnamed)}</bdi>
              {item.email ? (
                <span dir="ltr" className="truncate text-slate-600">
                  {item.email}
                </span>
              ) : null}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function ConfirmMerge({
  kept,
  merged,
  count,
  onClose,
}: {
  kept: { id: string; name: string | null; email: string | null };
  merged: { id: string; name: string | null; email: string | null };
  /** The merged customer's conversation count, when known. */
  count: number | null;
  onClose: () => void;
}) {
  const t = useStrings("customers");
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const mergedCount = trpc.v1.customers.get.useQuery({ id: merged.id }, { enabled: count === null });
  const merge = trpc.v1.customers.merge.useMutation({
    onSuccess: (customer) => {
      utils.v1.customers.get.setData({ id: customer.id }, customer);
      void utils.v1.customers.list.invalidate();
      void utils.v1.customers.conversations.invalidate({ customerId: customer.id });
      toast(t.merged);
      onClose();
      router.push(`/customers/${encodeURIComponent(customer.id)}`);
    },
  });
  const names = {
    kept: customerNameOf(kept, t.unnamed),
    merged: customerNameOf(merged, t.unnamed),
    count: count ?? mergedCount.data?.conversationCount ?? "…",
  };
  return (
    <ConfirmDialog
      title={format(t.mergeConfirmTitle, names)}
      body={format(t.mergeConfirmBody, names)}
      confirmLabel={t.mergeConfirm}
      pendingLabel={t.merging}
      cancelLabel={t.cancel}
      pending={merge.isPending}
      error={merge.error ? t.loadError : null}
      onConfirm={() => merge.mutate({ keepId: kept.id, mergeId: merged.id })}
      onClose={onClose}
    />
  );
}
