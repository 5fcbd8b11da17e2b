import type { NextRequest } from "next/server";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { POST as uploadAttachments } from "@/app/api/attachments/route";
import { POST as switchWorkspace } from "@/app/api/workspace/switch/route";
import { startTestServer } from "@/server/test/http-server";
import { handleTrpcRequest } from "@/server/trpc/http";

/** `[id]` as Next gives it: percent-decoded, and a 400 when it is not percent-encoding. */
function download(req: NextRequest): Promise<Response> {
  const raw = req.nextUrl.pathname.slice("/api/attachments/".length);
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return Promise.resolve(new Response("Bad Request", { status: 400 }));
  }
  return downloadAttachment(req, { params: Promise.resolve({ id }) });
}

/**
 * The app's route handlers outside next-auth on a real HTTP server (next-auth needs Next's
 * request scope; its credentials gate is tested directly in server/auth).
 */
export function startAppServer() {
  return startTestServer({
    "/api/trpc": handleTrpcRequest,
    "/api/attachments/": download,
    "/api/attachments": uploadAttachments,
    "/api/workspace/switch": switchWorkspace,
  });
}
