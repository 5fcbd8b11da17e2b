import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { env } from "@/server/env";
import { isRefusedAddress } from "@/server/outbound/addresses";
import { type AllowedHost, effectivePort, isAllowedHost } from "@/server/outbound/allowed-hosts";
import { OutboundError } from "@/server/outbound/errors";

export type OutboundOptions = {
  /** The whole exchange, headers and body, ends with `timeout` after this long. */
  timeoutMs: number;
  /** The body, as decoded, may be at most this long; more ends it with `too_large`. */
  maxBytes: number;
  /**
   * Redirects followed, each checked like the first request (default 0: a redirect is an
   * error). Only for requests that carry no secret: credentials are dropped on a hop to
   * another origin, but a secret in the URL or body would still go along.
   */
  maxRedirects?: number;
  /** Defaults to OUTBOUND_ALLOWED_HOSTS. */
  allowedHosts?: readonly AllowedHost[];
  /** Hosts trusted for this caller alone on top of the allow-list (an operator's declared provider). */
  trustedHosts?: readonly AllowedHost[];
};

export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
// Sent along only to the origin they were meant for.
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie", "x-api-key"];

type Exchange = {
  url: URL;
  method: string;
  headers: Headers;
  body: Buffer | undefined;
};

/**
 * The addresses the request may connect to: all of the host's addresses are checked, and the
 * connection is then made to exactly these (no second lookup a DNS answer could change).
 */
async function resolveTarget(url: URL, allowed: readonly AllowedHost[]): Promise<LookupAddress[]> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError("invalid_url");
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const family = isIP(host);
  let addresses: LookupAddress[];
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await new Promise((resolve, reject) =>
        dnsLookup(host, { all: true, verbatim: true }, (error, found) =>
          error ? reject(error) : resolve(found),
        ),
      );
    } catch (error) {
      throw new OutboundError("unreachable", { cause: error });
    }
  }
  if (addresses.length === 0) throw new OutboundError("unreachable");
  if (!isAllowedHost(url, allowed) && addresses.some((a) => isRefusedAddress(a.address))) {
    throw new OutboundError("not_allowed");
  }
  return addresses;
}

/** A `lookup` for the socket that answers with the addresses already checked. */
function fixedLookup(addresses: LookupAddress[]): RequestOptions["lookup"] {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const first = addresses[0] as LookupAddress;
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  }) as RequestOptions["lookup"];
}

function send(exchange: Exchange, addresses: LookupAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const { url } = exchange;
  const headers: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["accept-encoding"] ??= "gzip, deflate, br";
  if (exchange.body) headers["content-length"] = String(exchange.body.length);
  const options: RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: effectivePort(url),
    path: `${url.pathname}${url.search}`,
    method: exchange.method,
    headers,
    lookup: fixedLookup(addresses),
    // A connection of its own: a pooled socket could have been opened for another workspace's check.
    agent: false,
    signal,
  };
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(options, resolve);
    req.on("error", reject);
    req.end(exchange.body);
  });
}

function decoded(response: IncomingMessage): Readable {
  switch (response.headers["content-encoding"]?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(createGunzip());
    case "deflate":
      return response.pipe(createInflate());
    case "br":
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

/** The response for the caller, its body cut off with `too_large` past `maxBytes` as it streams. */
function toResponse(response: IncomingMessage, maxBytes: number, signal: AbortSignal, fail: () => Error) {
  const status = response.statusCode ?? 502;
  const declared = Number(response.headers["content-length"]);
  const encoded = Boolean(response.headers["content-encoding"]);
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new OutboundError("too_large");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    if (encoded && (name === "content-encoding" || name === "content-length")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  if (NULL_BODY.has(status) || status < 200) {
    response.resume();
    return new Response(null, { status: status < 200 ? 502 : status, headers });
  }
  let received = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) callback(new OutboundError("too_large"));
      else callback(null, chunk);
    },
  });
  const source = decoded(response);
  const stop = (error: Error) => {
    source.destroy();
    response.destroy();
    capped.destroy(error);
  };
  const onFailure = (error?: Error) =>
    stop(signal.aborted ? fail() : new OutboundError("unreachable", { cause: error }));
  const onAbort = () => stop(fail());
  response.on("error", onFailure);
  if (source !== response) source.on("error", onFailure);
  response.on("close", () => {
    if (!response.complete) onFailure();
  });
  signal.addEventListener("abort", onAbort, { once: true });
  capped.on("close", () => signal.removeEventListener("abort", onAbort));
  capped.on("error", () => {
    source.destroy();
    response.destroy();
  });
  source.pipe(capped);
  return new Response(Readable.toWeb(capped) as ReadableStream<Uint8Array>, {
    status,
    statusText: response.statusMessage ?? "",
    headers,
  });
}

async function readExchange(input: string | URL | Request, init: RequestInit | undefined): Promise<Exchange> {
  const request = input instanceof Request ? input : null;
  let url: URL;
  try {
    url = new URL(request ? request.url : input.toString());
  } catch {
    throw new OutboundError("invalid_url");
  }
  const method = (init?.method ?? request?.method ?? "GET").toUpperCase();
  const headers = new Headers(init?.headers ?? request?.headers);
  let body: Buffer | undefined;
  const given = init?.body ?? (request?.body ? await request.arrayBuffer() : undefined);
  if (typeof given === "string") body = Buffer.from(given);
  else if (given instanceof ArrayBuffer) body = Buffer.from(given);
  else if (ArrayBuffer.isView(given)) body = Buffer.from(given.buffer, given.byteOffset, given.byteLength);
  else if (given instanceof URLSearchParams) {
    body = Buffer.from(given.toString());
    if (!headers.has("content-type"))
      headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
  } else if (given != null) throw new TypeError("outbound fetch: send the body as a string or bytes");
  return { url, method, headers, body };
}

/**
 * A `fetch` for every request the server makes on a workspace's behalf: http(s) only, every
 * address the host resolves to checked (loopback, private, link-local, CGNAT, metadata,
 * multicast… refused unless the operator allows the host), the connection made to exactly the
 * addresses checked, each redirect checked again, one deadline for the whole exchange, and the
 * body capped while it streams. HTTP error statuses are answered as responses; everything else
 * fails with an OutboundError whose message is general and never the far side's.
 */
export function outboundFetch(options: OutboundOptions): GuardedFetch {
  const allowed = [
    ...(options.allowedHosts ?? env().OUTBOUND_ALLOWED_HOSTS),
    ...(options.trustedHosts ?? []),
  ];
  const maxRedirects = options.maxRedirects ?? 0;
  return async (input, init) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const caller = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const signal = caller ? AbortSignal.any([deadline, caller]) : deadline;
    // Past the deadline, a timeout; an abort by the caller keeps the caller's reason (the AI SDK
    // and the run's own timeout know what to make of it).
    const fail = (): Error =>
      deadline.aborted ? new OutboundError("timeout") : (caller?.reason ?? new OutboundError("timeout"));

    let exchange = await readExchange(input, init);
    for (let hop = 0; ; hop++) {
      if (signal.aborted) throw fail();
      const addresses = await resolveTarget(exchange.url, allowed);
      let response: IncomingMessage;
      try {
        response = await send(exchange, addresses, signal);
      } catch (error) {
        if (signal.aborted) throw fail();
        throw new OutboundError("unreachable", { cause: error });
      }
      const location = response.headers.location;
      if (!REDIRECTS.has(response.statusCode ?? 0) || !location) {
        return toResponse(response, options.maxBytes, signal, fail);
      }
      response.resume();
      if (hop >= maxRedirects) throw new OutboundError("redirect");
      let next: URL;
      try {
        next = new URL(location, exchange.url);
      } catch {
        throw new OutboundError("invalid_url");
      }
      const headers = new Headers(exchange.headers);
      if (next.origin !== exchange.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      const asGet =
        response.statusCode === 303 ||
        ((response.statusCode === 301 || response.statusCode === 302) && exchange.method === "POST");
      if (asGet) {
        headers.delete("content-type");
        headers.delete("content-length");
      }
      exchange = {
        url: next,
        method: asGet ? "GET" : exchange.method,
        headers,
        body: asGet ? undefined : exchange.body,
      };
    }
  };
}
