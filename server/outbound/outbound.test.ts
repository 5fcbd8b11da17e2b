import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRefusedAddress } from "@/server/outbound/addresses";
import { parseAllowedHost, parseAllowedHosts } from "@/server/outbound/allowed-hosts";
import { OutboundError } from "@/server/outbound/errors";
import { type OutboundOptions, outboundFetch } from "@/server/outbound/fetch";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real server on 127.0.0.1 that counts the connections made to it. */
async function startServer(handler: Handler) {
  const seen: { url: string; authorization: string | undefined; apiKey: string | undefined }[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    seen.push({
      url: req.url ?? "",
      authorization: req.headers.authorization,
      apiKey: req.headers["x-api-key"] as string | undefined,
    });
    handler(req, res);
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type TestServer = Awaited<ReturnType<typeof startServer>>;

function guarded(options: Partial<OutboundOptions> = {}) {
  return outboundFetch({ timeoutMs: 2_000, maxBytes: 1_000, allowedHosts: [], ...options });
}

async function failure(call: Promise<unknown>): Promise<OutboundError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OutboundError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

let hello: TestServer;
beforeAll(async () => {
  hello = await startServer((_req, res) => res.end("hello"));
});
afterAll(() => hello.close());

describe("outbound guard: addresses", () => {
  it("refuses every loopback, private, link-local, CGNAT, metadata and special address, however spelled, without connecting", async () => {
    const port = hello.port;
    const refused = [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://LOCALHOST:${port}/`,
      `http://2130706433:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://127.1:${port}/`,
      `http://017700000001:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[0:0:0:0:0:ffff:7f00:1]:${port}/`,
      `http://[::127.0.0.1]:${port}/`,
      `http://[64:ff9b::127.0.0.1]:${port}/`,
      `http://0.0.0.0:${port}/`,
      `http://[::]:${port}/`,
      "http://10.0.0.1/",
      "http://172.16.5.4/",
      "http://192.168.1.1/",
      "http://100.64.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/",
      "http://[fe80::1]/",
      "http://[fc00::1]/",
      "http://[::ffff:10.0.0.1]/",
      "http://[::ffff:169.254.169.254]/",
      "http://224.0.0.1/",
      "http://[ff02::1]/",
      "http://255.255.255.255/",
      "http://198.18.0.1/",
    ];
    const fetch = guarded();
    for (const url of refused) {
      const error = await failure(fetch(url));
      expect({ url, code: error.code }).toEqual({ url, code: "not_allowed" });
      expect(error.message).toBe("The endpoint is not allowed by this server.");
    }
    expect(hello.connections()).toBe(0);
  });

  it("judges addresses, not names: public ones pass, mapped and NAT64 forms by the IPv4 inside", () => {
    for (const address of [
      "8.8.8.8",
      "1.1.1.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
    ]) {
      expect({ address, refused: isRefusedAddress(address) }).toEqual({ address, refused: false });
    }
    for (const address of ["::ffff:192.168.0.1", "64:ff9b::a00:1", "not an address", "fd00:ec2::254"]) {
      expect({ address, refused: isRefusedAddress(address) }).toEqual({ address, refused: true });
    }
  });

  it("speaks http and https only", async () => {
    const fetch = guarded();
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "gopher://example.com/", "not a url"]) {
      expect((await failure(fetch(url))).code).toBe("invalid_url");
    }
  });

  it("reaches a refused address the operator allows, by host or by host:port only", async () => {
    const byHost = guarded({ allowedHosts: parseAllowedHosts("127.0.0.1") });
    expect(await (await byHost(`${hello.url}/`)).text()).toBe("hello");
    // Other spellings of an allowed address are the same host once the URL parser has read them.
    expect(await (await byHost(`http://127.1:${hello.port}/`)).text()).toBe("hello");

    const byPort = guarded({ allowedHosts: parseAllowedHosts(`example.org, ${hello.host}`) });
    expect(await (await byPort(`${hello.url}/`)).text()).toBe("hello");
    const otherPort = guarded({ allowedHosts: [parseAllowedHost(`127.0.0.1:${hello.port + 1}`)] });
    expect((await failure(otherPort(`${hello.url}/`))).code).toBe("not_allowed");
    // A name is allowed as itself: allowing localhost does not allow every name that resolves there.
    const byName = guarded({ allowedHosts: parseAllowedHosts(`localhost:${hello.port}`) });
    expect(await (await byName(`http://localhost:${hello.port}/`)).text()).toBe("hello");
    expect((await failure(byName(`${hello.url}/`))).code).toBe("not_allowed");
  });

  it("reads allow-list entries as a URL's host would be read, and refuses malformed ones", () => {
    expect(parseAllowedHosts(" LocalHost:11434 ,[::1]:8080,0x7f.1,, ")).toEqual([
      { hostname: "localhost", port: 11434 },
      { hostname: "[::1]", port: 8080 },
      { hostname: "127.0.0.1", port: null },
    ]);
    for (const bad of ["http://x", "a b", "host:0", "host:70000", "::1", "user@host"]) {
      expect(() => parseAllowedHost(bad)).toThrow();
    }
  });
});

describe("outbound guard: redirects, time and size", () => {
  it("checks every redirect again: one to a refused address fails without connecting there", async () => {
    const inside = await startServer((_req, res) => res.end("internal secret"));
    const redirector = await startServer((req, res) => {
      const to = req.url === "/to-inside" ? `${inside.url}/` : `${hello.url}/`;
      res.writeHead(302, { location: to }).end();
    });
    try {
      const fetch = guarded({ maxRedirects: 3, allowedHosts: parseAllowedHosts(redirector.host) });
      expect((await failure(fetch(`${redirector.url}/to-inside`))).code).toBe("not_allowed");
      expect(inside.connections()).toBe(0);

      // Without redirects allowed, a redirect is an error, whatever its target.
      const noRedirects = guarded({ allowedHosts: parseAllowedHosts(`${redirector.host},${hello.host}`) });
      expect((await failure(noRedirects(`${redirector.url}/`))).code).toBe("redirect");

      // Followed to an allowed host, credentials do not go along to the other origin.
      const follows = guarded({
        maxRedirects: 1,
        allowedHosts: parseAllowedHosts(`${redirector.host},${hello.host}`),
      });
      const before = hello.seen.length;
      const response = await follows(`${redirector.url}/`, {
        headers: { authorization: "Bearer sk-secret", "x-api-key": "sk-secret" },
      });
      expect(await response.text()).toBe("hello");
      expect(redirector.seen.at(-1)?.authorization).toBe("Bearer sk-secret");
      expect(hello.seen[before]).toMatchObject({ authorization: undefined, apiKey: undefined });
    } finally {
      await inside.close();
      await redirector.close();
    }
  });

  it("gives up on a host that does not answer in time, before or during the body", async () => {
    const silent = await startServer(() => {});
    const stalls = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first part");
    });
    try {
      const fetch = guarded({
        timeoutMs: 300,
        allowedHosts: parseAllowedHosts(`${silent.host},${stalls.host}`),
      });
      const started = Date.now();
      expect((await failure(fetch(`${silent.url}/`))).code).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(2_000);
      const response = await fetch(`${stalls.url}/`);
      expect((await failure(response.text())).code).toBe("timeout");
    } finally {
      await silent.close();
      await stalls.close();
    }
  });

  it("caps the body: by its declared length, while streaming, and after decompression", async () => {
    const big = "x".repeat(5_000);
    const server = await startServer((req, res) => {
      if (req.url === "/declared") res.writeHead(200, { "content-length": String(big.length) }).end(big);
      else if (req.url === "/chunked") {
        res.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 10; i++) res.write("y".repeat(500));
        res.end();
      } else if (req.url === "/gzip") {
        res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(1_000_000)));
      } else res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("small and fine"));
    });
    try {
      const fetch = guarded({ allowedHosts: parseAllowedHosts(server.host) });
      expect((await failure(fetch(`${server.url}/declared`))).code).toBe("too_large");
      expect((await failure((await fetch(`${server.url}/chunked`)).text())).code).toBe("too_large");
      expect((await failure((await fetch(`${server.url}/gzip`)).text())).code).toBe("too_large");
      expect(await (await fetch(`${server.url}/small`)).text()).toBe("small and fine");
    } finally {
      await server.close();
    }
  });

  it("answers error statuses as responses and sends the method, headers and body it was given", async () => {
    const echo = await startServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      res.writeHead(418, { "content-type": "application/json" }).end(
        JSON.stringify({
          method: req.method,
          type: req.headers["content-type"],
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    try {
      const fetch = guarded({ allowedHosts: parseAllowedHosts(echo.host) });
      const response = await fetch(`${echo.url}/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ a: 1 }),
      });
      expect(response.status).toBe(418);
      expect(await response.json()).toEqual({ method: "POST", type: "application/json", body: '{"a":1}' });
    } finally {
      await echo.close();
    }
  });

  it("says a connection failed in general terms", async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const fetch = guarded({ allowedHosts: parseAllowedHosts(closed.host) });
    const error = await failure(fetch(`${closed.url}/`));
    expect(error.code).toBe("unreachable");
    expect(error.message).toBe("Could not connect to the endpoint.");
  });
});
