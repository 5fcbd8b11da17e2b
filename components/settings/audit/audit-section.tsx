"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import type { AuditAction } from "@/server/audit/actions";
import type { ListAuditInput } from "@/server/audit/list";

type Area = NonNullable<ListAuditInput["targetType"]>;

/** Who did what to the workspace's settings, newest first, older pages on request. */
export function AuditLogSection() {
  const t = useStrings("audit");
  const formatters = useFormatters();
  const [area, setArea] = useState<Area | "">("");
  const entries = trpc.v1.audit.list.useInfiniteQuery(
    { limit: 50, targetType: area || null },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const areas = Object.entries(t.areas) as [Area, string][];
  return (
    <div className="space-y-6">
      <p className="max-w-prose text-sm text-slate-600">{t.intro}</p>
      <SelectField
        className="max-w-xs"
        label={t.filter}
        value={area}
        onChange={(event) => setArea(event.target.value as Area | "")}
        options={[{ value: "", label: t.all }, ...areas.map(([value, label]) => ({ value, label }))]}
      />
      {entries.isPending ? (
        <p className="text-sm text-slate-500">{t.loading}</p>
      ) : entries.isError ? (
        <Notice tone="error">{entries.error.message}</Notice>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">{t.empty}</p>
      ) : (
        <>
          <Table caption={t.title}>
            <TableHead
              columns={[
                { label: t.columnWhat },
                { label: t.columnWho },
                { label: t.columnDetails },
                { label: t.columnWhen },
              ]}
            />
            <tbody>
              {items.map((entry) => (
                <TableRow key={entry.id} data-audit-action={entry.action}>
                  <RowHeader>{t.actions[entry.action as AuditAction] ?? entry.action}</RowHeader>
                  <Cell>{entry.actorName || t.unknownActor}</Cell>
                  <Cell>
                    <Details label={entry.targetLabel} data={entry.data} />
                  </Cell>
                  <Cell className="whitespace-nowrap">
                    <time dateTime={entry.createdAt}>{formatters.dateTime(entry.createdAt)}</time>
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
          {entries.hasNextPage ? (
            <Button onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
              {entries.isFetchingNextPage ? t.loadingMore : t.loadMore}
            </Button>
          ) : (
            <p className="text-sm text-slate-500">{t.end}</p>
          )}
        </>
      )}
    </div>
  );
}

/** The target's name as it was, and what changed (from → to, or which fields). */
function Details({ label, data }: { label: string | null; data: unknown }) {
  const t = useStrings("audit");
  const change = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const fromTo =
    typeof change.from === "string" && typeof change.to === "string" ? `${change.from} → ${change.to}` : null;
  const fields = Array.isArray(change.changed)
    ? format(t.changed, { fields: change.changed.join(", ") })
    : null;
  return (
    <span>
      {label ? <bdi className="font-medium">{label}</bdi> : null}
      {fromTo ? (
        <span className="ms-2 text-slate-600" dir="auto">
          {fromTo}
        </span>
      ) : null}
      {fields ? <span className="ms-2 text-slate-600">{fields}</span> : null}
    </span>
  );
}
