"use client";
import { trpc } from "@/client/trpc";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { Cell, RowHeader, Table, TableHead, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { WebhookDeliveryOutput, WebhookEndpointOutput } from "@/server/webhooks/schemas";

const STATUS_CLASS: Record<WebhookDeliveryOutput["status"], string> = {
  pending: "bg-slate-100 text-slate-800",
  succeeded: "bg-green-50 text-green-800",
  failed: "bg-red-50 text-red-800",
};

/** An endpoint's delivery log, newest first, a page at a time, with "send again" on each. */
export function DeliveriesDialog({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpointOutput;
  onClose: () => void;
}) {
  const t = useStrings("webhooks");
  const deliveries = trpc.v1.webhooks.deliveries.useInfiniteQuery(
    { webhookId: endpoint.id },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Dialog title={format(t.deliveriesTitle, { url: endpoint.url })} size="lg" onClose={onClose}>
      <div className="mt-4 space-y-4">
        {deliveries.isPending ? (
          <p className="text-sm text-slate-600">{t.loading}</p>
        ) : deliveries.isError ? (
          <Notice tone="error">{t.deliveriesLoadFailed}</Notice>
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-600">{t.deliveriesEmpty}</p>
        ) : (
          <Table>
            <TableHead
              columns={[
                { label: t.columnEvent },
                { label: t.columnResult },
                { label: t.columnResponse },
                { label: t.columnAttempts },
                { label: t.columnWhen },
                { label: t.columnActions, srOnly: true },
              ]}
            />
            <tbody>
              {items.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </tbody>
          </Table>
        )}
        <div className="flex justify-between gap-2">
          {deliveries.hasNextPage ? (
            <Button onClick={() => void deliveries.fetchNextPage()} disabled={deliveries.isFetchingNextPage}>
              {deliveries.isFetchingNextPage ? t.loadingMore : t.loadMore}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={onClose}>{t.close}</Button>
        </div>
      </div>
    </Dialog>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDeliveryOutput }) {
  const t = useStrings("webhooks");
  const formatters = useFormatters();
  const toast = useToast();
  const utils = trpc.useUtils();
  const redeliver = trpc.v1.webhooks.redeliver.useMutation({
    onSuccess: () => {
      void utils.v1.webhooks.deliveries.invalidate();
      toast(t.redelivered);
    },
    onError: (error) => toast(error.message, "error"),
  });
  const statusLabel = {
    pending: t.statusPending,
    succeeded: t.statusSucceeded,
    failed: t.statusFailed,
  }[delivery.status];
  return (
    <TableRow data-delivery-id={delivery.id}>
      <RowHeader>
        <code dir="ltr" className="font-mono text-xs">
          {delivery.eventType}
        </code>
        <div dir="ltr" className="font-mono text-xs text-slate-600">
          {delivery.messageId}
        </div>
      </RowHeader>
      <Cell>
        <span className={`rounded-full px-2 py-0.5 ${STATUS_CLASS[delivery.status]}`}>{statusLabel}</span>
        {delivery.status === "pending" && delivery.nextAttemptAt ? (
          <div className="text-xs text-slate-600">
            {format(t.nextAttempt, { date: formatters.dateTime(delivery.nextAttemptAt) })}
          </div>
        ) : null}
      </Cell>
      <Cell>
        {delivery.responseStatus === null ? t.noResponse : <span dir="ltr">{delivery.responseStatus}</span>}
        {delivery.durationMs === null ? null : (
          <span className="text-slate-600"> · {format(t.durationMs, { ms: delivery.durationMs })}</span>
        )}
        {delivery.error ? (
          <div lang="en" className="text-xs text-slate-700">
            {delivery.error}
          </div>
        ) : null}
        {delivery.responseBody ? (
          <details className="text-xs">
            <summary className="cursor-pointer text-blue-700">
              {format(t.responseBody, { id: delivery.messageId })}
            </summary>
            <pre
              dir="ltr"
              className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2"
            >
              {delivery.responseBody}
            </pre>
          </details>
        ) : null}
      </Cell>
      <Cell>{delivery.attempts}</Cell>
      <Cell className="whitespace-nowrap">{formatters.dateTime(delivery.createdAt)}</Cell>
      <Cell className="text-end">
        <Button
          size="sm"
          aria-label={`${t.redeliver} ${delivery.messageId}`}
          disabled={redeliver.isPending || delivery.status === "pending"}
          onClick={() => redeliver.mutate({ deliveryId: delivery.id })}
        >
          {redeliver.isPending ? t.redelivering : t.redeliver}
        </Button>
      </Cell>
    </TableRow>
  );
}
