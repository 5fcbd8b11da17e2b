import type { NextRequest } from "next/server";
import { getAttachmentForDownload } from "@/server/attachments/download";
import { downloadHeaders, errorResponse, requireCaller, toWebStream } from "@/server/attachments/http";
import { scopedRoute } from "@/server/http/route";

type RouteContext = { params: Promise<{ id: string }> };

/** GET streams an attachment of the caller's workspace; any other id is a 404. */
export const GET = scopedRoute("attachments download", async (req: NextRequest, context: RouteContext) => {
  try {
    const { db, caller } = await requireCaller(req);
    const { id } = await context.params;
    const { attachment, body } = await getAttachmentForDownload(db, caller, id);
    return new Response(toWebStream(body), { headers: downloadHeaders(attachment) });
  } catch (error) {
    return errorResponse(error);
  }
});
