import type { Db } from "@/server/db/client";
import { sql, utc } from "@/server/db/sql";
import { findOutboundError, type OutboundErrorCode } from "@/server/outbound/errors";
import { outboundFetch } from "@/server/outbound/fetch";
import { coalesce } from "@/server/webhooks/coalesce";
import { renderEventsData } from "@/server/webhooks/render";
import { readWebhookSecret, signWebhook } from "@/server/webhooks/secret";

export type DeliveryDeps = {
  /** An attempt without a whole answer within this long failed (10 s). */
  timeoutMs: number;
  /** The wait after each failed attempt; once they are used up the delivery has failed. */
  retryDelaysMs: readonly number[];
  /** An endpoint whose attempts have all failed for this long is disabled (5 days). */
  disableAfterMs: number;
  now?: () => Date;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Svix's schedule: 8 attempts over about 27 hours. */
export const RETRY_DELAYS_MS = [5_000, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

export const DEFAULT_DELIVERY_DEPS: DeliveryDeps = {
  timeoutMs: 10_000,
  retryDelaysMs: RETRY_DELAYS_MS,
  disableAfterMs: 5 * 24 * HOUR,
};

const USER_AGENT = "ConnectInbox-Webhooks/1.0";
const BODY_KEPT = 1024;

export type AttemptOutcome =
  | { outcome: "succeeded" }
  /** Failed; a job should look at it again after `delayMs`. */
  | { outcome: "retry"; delayMs: number }
  /** Failed for good: out of attempts, or its endpoint is disabled. */
  | { outcome: "failed" }
  /** Nothing to do: no such delivery, or not pending any more. */
  | { outcome: "skipped" };

type PendingDelivery = {
  id: string;
  workspaceId: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  subjectId: string;
  data: string | null;
  changes: unknown;
  attempts: number;
  createdAt: Date;
  url: string;
  enabled: boolean;
  secret: string;
  previousSecret: string | null;
};

const LOAD = `
  SELECT d.id, d."workspaceId", d."endpointId", d."messageId", d."eventType", d."subjectId", d.data, d.changes, d.attempts,
    d."createdAt", e.url, e.enabled, e.secret,
    CASE WHEN e."previousSecretExpiresAt" > $2::timestamp(3) THEN e."previousSecret" END AS "previousSecret"
  FROM "WebhookDelivery" d
  JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e."workspaceId" = d."workspaceId"
  WHERE d.id = ANY($1::text[]) AND d.status = 'pending'
    -- A job that comes before its delivery's time (a retry's, after a redelivery sent it sooner) does nothing.
    AND d."nextAttemptAt" <= $2::timestamp(3) + interval '1 second'`;

const GIVE_UP = `
  UPDATE "WebhookDelivery" SET status = 'failed', error = $2, "nextAttemptAt" = NULL
  WHERE id = $1 AND status = 'pending'`;

// Successes, many at once. A success ends the endpoint's failure streak (written only when there
// is one: the endpoint's row is shared by all its deliveries; locked in id order, so two workers
// clearing the same endpoints cannot deadlock).
const SUCCEEDED = `
  WITH d AS (
    UPDATE "WebhookDelivery" d SET status = 'succeeded', attempts = d.attempts + 1, "responseStatus" = s.status,
      "durationMs" = s."durationMs", "responseBody" = s.body, error = NULL, "lastAttemptAt" = s.at,
      "nextAttemptAt" = NULL, data = COALESCE(d.data, s.data)
    FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::timestamp(3)[], $6::text[])
      AS s(id, status, "durationMs", body, at, data)
    WHERE d.id = s.id AND d.status = 'pending'
    RETURNING d."endpointId"
  ), streaks AS (
    SELECT id FROM "WebhookEndpoint"
    WHERE id IN (SELECT "endpointId" FROM d) AND "failingSince" IS NOT NULL
    ORDER BY id FOR UPDATE
  )
  UPDATE "WebhookEndpoint" SET "failingSince" = NULL WHERE id IN (SELECT id FROM streaks)`;

// A failure starts (or continues) the streak; 410 Gone ($7) or a streak older than the cutoff
// ($8) disables the endpoint, and then the delivery is not retried.
const FAILED = `
  WITH e AS (
    UPDATE "WebhookEndpoint" SET "failingSince" = COALESCE("failingSince", $5),
      enabled = enabled AND NOT ($7 OR COALESCE("failingSince", $5) <= $8),
      "disabledAt" = CASE WHEN enabled AND ($7 OR COALESCE("failingSince", $5) <= $8) THEN $5 ELSE "disabledAt" END,
      "disabledReason" = CASE
        WHEN NOT enabled THEN "disabledReason"
        WHEN $7 THEN 'gone'::"WebhookDisabledReason"
        WHEN COALESCE("failingSince", $5) <= $8 THEN 'failing'::"WebhookDisabledReason"
        ELSE "disabledReason" END
    WHERE id = $9
    RETURNING enabled
  )
  UPDATE "WebhookDelivery" SET attempts = attempts + 1, "responseStatus" = $2, "durationMs" = $3,
    "responseBody" = $4, error = $6, "lastAttemptAt" = $5, data = COALESCE(data, $11),
    status = CASE WHEN $10::timestamp(3) IS NOT NULL AND (SELECT enabled FROM e)
      THEN 'pending'::"WebhookDeliveryStatus" ELSE 'failed'::"WebhookDeliveryStatus" END,
    "nextAttemptAt" = CASE WHEN (SELECT enabled FROM e) THEN $10::timestamp(3) END
  WHERE id = $1 AND status = 'pending'
  RETURNING status::text AS status`;

type Attempt = {
  responseStatus: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
};

const OUTBOUND_ERRORS: Record<OutboundErrorCode, (timeoutMs: number) => string> = {
  timeout: (ms) => `No answer within ${ms / 1000} s`,
  not_allowed: () => "The address is not allowed (private network)",
  unreachable: () => "Could not connect to the endpoint",
  redirect: () => "The endpoint answered with a redirect, which is not followed",
  invalid_url: () => "The endpoint's URL is not a valid http(s) URL",
  too_large: () => "The endpoint's answer was too large",
};

/** The first KB of the answer, as text; the rest is not read. */
async function firstKilobyte(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_KEPT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The status is what counts; a body cut off is kept as far as it came.
  } finally {
    reader.cancel().catch(() => {});
  }
  // PostgreSQL text cannot hold NUL.
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_KEPT)).replaceAll("\u0000", "");
}

async function send(
  delivery: PendingDelivery,
  secrets: string[],
  body: string,
  now: Date,
  deps: DeliveryDeps,
): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    // Every request through the guard; a 3xx is a failure, never followed (it would carry the
    // signed body to a host the admin never entered). The answer's body is read to 1 KB only.
    const fetch = outboundFetch({
      timeoutMs: deps.timeoutMs,
      maxBytes: Number.POSITIVE_INFINITY,
      maxRedirects: 0,
    });
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secrets, delivery.messageId, timestamp, body),
      },
      body,
    });
    const responseBody = await firstKilobyte(response);
    const { status } = response;
    const error =
      status >= 200 && status < 300
        ? null
        : status === 410
          ? "The endpoint answered 410 Gone, so it was disabled"
          : `The endpoint answered ${status}; only a 2xx counts as received`;
    return { responseStatus: status, durationMs: elapsed(), responseBody, error };
  } catch (cause) {
    const outbound = findOutboundError(cause);
    if (!outbound) console.error("webhooks: delivery failed unexpectedly", cause);
    const error = outbound ? OUTBOUND_ERRORS[outbound.code](deps.timeoutMs) : "Could not send the request";
    return { responseStatus: null, durationMs: elapsed(), responseBody: null, error };
  }
}

/** The delay before the next attempt, ±20% so a receiver that was down is not hit all at once. */
function retryDelay(deps: DeliveryDeps, attemptsSoFar: number): number | null {
  const base = deps.retryDelaysMs[attemptsSoFar];
  return base === undefined ? null : Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * The pending, due deliveries among `ids` (null for the others), in their order, each with its
 * payload's data: stored with the event, or read now (and kept with the attempt, so every retry
 * sends the same body; null when what it was about is gone). One statement for the rows, one per
 * kind of subject for the data.
 */
async function loadDeliveries(db: Db, ids: string[], now: Date): Promise<(PendingDelivery | null)[]> {
  const rows = await sql<PendingDelivery>(db.$pool, LOAD, [ids, utc(now)]);
  // A disabled endpoint's deliveries are given up without their data.
  const unrendered = rows.filter((row) => row.data === null && row.enabled);
  const rendered = await renderEventsData(db, unrendered);
  unrendered.forEach((row, i) => {
    const data = rendered[i];
    row.data = data === null || data === undefined ? null : JSON.stringify(data);
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

type Success = { deliveryId: string; attempt: Attempt; at: Date; data: string };

async function recordSuccesses(db: Db, successes: Success[]): Promise<undefined[]> {
  await sql(db.$pool, SUCCEEDED, [
    successes.map((s) => s.deliveryId),
    successes.map((s) => s.attempt.responseStatus),
    successes.map((s) => s.attempt.durationMs),
    successes.map((s) => s.attempt.responseBody),
    successes.map((s) => utc(s.at)),
    successes.map((s) => s.data),
  ]);
  return successes.map(() => undefined);
}

/**
 * Attempts at pending deliveries, one per call: signed (Standard Webhooks, with the previous
 * secret too during a rotation), sent through the outbound guard, and recorded (status,
 * duration, the first KB of the answer, what went wrong). A 2xx succeeds; anything else is
 * retried on the schedule, with the same webhook-id, while the endpoint stays enabled. The
 * deliveries started together are read, and their successes written, a batch per statement
 * (`coalesce`); a failure is written on its own, with its endpoint's streak.
 */
export function deliverer(db: Db, deps: DeliveryDeps): (deliveryId: string) => Promise<AttemptOutcome> {
  const clock = () => deps.now?.() ?? new Date();
  const load = coalesce((ids: string[]) => loadDeliveries(db, ids, clock()));
  const succeed = coalesce((successes: Success[]) => recordSuccesses(db, successes));
  return async (deliveryId) => {
    const delivery = await load(deliveryId);
    if (!delivery) return { outcome: "skipped" };
    const now = clock();
    const giveUp = async (error: string): Promise<AttemptOutcome> => {
      await sql(db.$pool, GIVE_UP, [deliveryId, error]);
      return { outcome: "failed" };
    };
    if (!delivery.enabled) return giveUp("The endpoint is disabled, so nothing more is sent to it");
    const { data } = delivery;
    if (data === null) return giveUp("What the event was about no longer exists");

    const current = readWebhookSecret(delivery.secret, delivery.workspaceId, delivery.endpointId);
    const previous =
      delivery.previousSecret &&
      readWebhookSecret(delivery.previousSecret, delivery.workspaceId, delivery.endpointId);
    const body = `{"type":${JSON.stringify(delivery.eventType)},"timestamp":${JSON.stringify(
      delivery.createdAt.toISOString(),
    )},"data":${data}}`;
    const attempt: Attempt =
      current === null
        ? {
            responseStatus: null,
            durationMs: 0,
            responseBody: null,
            error:
              "The signing secret cannot be read on this server (SECRETS_KEY changed); rotate the secret",
          }
        : await send(delivery, previous ? [current, previous] : [current], body, now, deps);
    if (attempt.error === null) {
      await succeed({ deliveryId, attempt, at: now, data });
      return { outcome: "succeeded" };
    }
    const delayMs = retryDelay(deps, delivery.attempts);
    const [row] = await sql<{ status: string }>(db.$pool, FAILED, [
      deliveryId,
      attempt.responseStatus,
      attempt.durationMs,
      attempt.responseBody,
      utc(now),
      attempt.error,
      attempt.responseStatus === 410,
      utc(new Date(now.getTime() - deps.disableAfterMs)),
      delivery.endpointId,
      delayMs === null ? null : utc(new Date(now.getTime() + delayMs)),
      data,
    ]);
    if (row?.status === "pending" && delayMs !== null) return { outcome: "retry", delayMs };
    return row ? { outcome: "failed" } : { outcome: "skipped" };
  };
}

/** One attempt at a pending delivery on its own (see `deliverer`). */
export function attemptDelivery(db: Db, deliveryId: string, deps: DeliveryDeps): Promise<AttemptOutcome> {
  return deliverer(db, deps)(deliveryId);
}
