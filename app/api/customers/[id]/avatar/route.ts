import type { NextRequest } from "next/server";
import { errorResponse, requireCaller } from "@/server/attachments/http";
import { getCustomerAvatar } from "@/server/customers/avatar";

type RouteContext = { params: Promise<{ id: string }> };

// Private: the image is the workspace's. A while, so the inbox's many rows refetch nothing.
const CACHE = "private, max-age=3600";

/** GET a customer's avatar of the caller's workspace, fetched by the server; any failure is a 404. */
export async function GET(req: NextRequest, context: RouteContext): Promise<Response> {
  try {
    const { db, caller } = await requireCaller(req);
    const { id } = await context.params;
    const avatar = await getCustomerAvatar(db, caller, id);
    return new Response(Buffer.from(avatar.bytes), {
      headers: {
        "content-type": avatar.mimeType,
        "content-length": String(avatar.bytes.byteLength),
        "cache-control": CACHE,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    const response = errorResponse(error);
    // "No usable image" holds for a while too: rows that mount again do not make the server fetch again.
    if (response.status === 404) response.headers.set("cache-control", "private, max-age=300");
    return response;
  }
}
