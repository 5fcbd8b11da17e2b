import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/customers/[id]/avatar/route";
import { db } from "@/server/db/client";
import { allowTestServers } from "@/server/test/env";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";
import { pngBytes } from "@/server/test/png";

const PNG = pngBytes(1, 1);

// The customers' image host: a third party, as far as the app knows.
let host: { url: string; requests: string[]; close: () => Promise<void> };
let ws: TestWorkspace;

beforeAll(async () => {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    switch (req.url) {
      case "/face.png":
        res.writeHead(200, { "content-type": "image/png" }).end(PNG);
        return;
      case "/moved.png":
        res.writeHead(302, { location: "/face.png" }).end();
        return;
      case "/face.svg":
        res
          .writeHead(200, { "content-type": "image/svg+xml" })
          .end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
        return;
      case "/page.png":
        res.writeHead(200, { "content-type": "image/png" }).end("<html><script>alert(1)</script></html>");
        return;
      case "/huge.png":
        res
          .writeHead(200, { "content-type": "image/png" })
          .end(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
        return;
      default:
        res.writeHead(500).end("internal details");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  host = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  allowTestServers(host.url);
  ws = await createTestWorkspace();
});
afterAll(() => host.close());

async function customerWithImage(workspace: TestWorkspace, image: string | null) {
  const { customerId } = await createTestConversation(workspace.workspaceId);
  await db().customer.update({ where: { id: customerId }, data: { image } });
  return customerId;
}

function avatar(id: string, apiKey: string | null = ws.owner.apiKey) {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return GET(new NextRequest(`http://localhost/api/customers/${id}/avatar`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

describe("customer avatars through the app", () => {
  it("serves the customer's image from the app, checked, capped and privately cached", async () => {
    const id = await customerWithImage(ws, `${host.url}/face.png`);
    const response = await avatar(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);

    // Redirects are followed, each through the guard.
    const moved = await customerWithImage(ws, `${host.url}/moved.png`);
    expect((await avatar(moved)).status).toBe(200);
  });

  it("answers 404 for another workspace's customer without fetching anything, and 401 signed out", async () => {
    const other = await createTestWorkspace();
    const theirs = await customerWithImage(other, `${host.url}/face.png?theirs`);
    const before = host.requests.length;
    const response = await avatar(theirs);
    expect(response.status).toBe(404);
    expect(host.requests.length).toBe(before);
    expect((await avatar("no-such-customer")).status).toBe(404);
    expect((await avatar(theirs, null)).status).toBe(401);
  });

  it("serves nothing that is not a raster image, too large, failing, or at a refused address", async () => {
    const cases = {
      svg: `${host.url}/face.svg`,
      html: `${host.url}/page.png`,
      huge: `${host.url}/huge.png`,
      failing: `${host.url}/missing.png`,
      metadata: "http://169.254.169.254/latest/meta-data/",
      loopback: "http://127.0.0.2:1/face.png",
      none: null,
    };
    for (const [name, image] of Object.entries(cases)) {
      const response = await avatar(await customerWithImage(ws, image));
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
      const body = await response.text();
      expect(body).not.toContain("internal details");
      expect(body).not.toContain("<script>");
    }
  });
});
