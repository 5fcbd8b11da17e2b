import type { NextRequest } from "next/server";
import { errorResponse, readUploadedFiles, requireCaller } from "@/server/attachments/http";
import { attachmentPolicy, uploadAttachments } from "@/server/attachments/upload";
import { scopedRoute } from "@/server/http/route";

/** POST multipart/form-data, one or more `file` parts → 201 `{ items: [{ id, fileName, mimeType, size, url }] }`. */
export const POST = scopedRoute("attachments upload", async (req: NextRequest) => {
  try {
    const { db, caller } = await requireCaller(req);
    const policy = attachmentPolicy();
    const files = await readUploadedFiles(req, policy.maxRequestBytes);
    const items = await uploadAttachments(db, caller, files, { policy });
    return Response.json({ items }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
});
