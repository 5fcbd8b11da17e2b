import type { NextRequest } from "next/server";
import { errorResponse, requireCaller } from "@/server/attachments/http";
import { multipartFiles } from "@/server/attachments/multipart";
import { attachmentPolicy } from "@/server/attachments/policy";
import { uploadAttachments } from "@/server/attachments/upload";
import { scopedRoute } from "@/server/http/route";

/** POST multipart/form-data, one or more `file` parts → 201 `{ items: [{ id, fileName, mimeType, size, url }] }`. */
export const POST = scopedRoute("attachments upload", async (req: NextRequest) => {
  try {
    const { db, caller } = await requireCaller(req);
    const policy = attachmentPolicy();
    const files = multipartFiles(req, policy.maxRequestBytes);
    const items = await uploadAttachments(db, caller, files, { policy });
    return Response.json({ items }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
});
