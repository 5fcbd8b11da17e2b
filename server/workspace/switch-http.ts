import { TRPCError } from "@trpc/server";
import { type NextRequest, NextResponse } from "next/server";
import { sessionFromRequest } from "@/server/auth/request-session";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { isSameOriginRequest } from "@/server/http/same-origin";
import { readCappedText } from "@/server/limits/body";
import { findInputProblem } from "@/server/limits/input-check";
import { WORKSPACE_COOKIE } from "@/server/trpc/context";
import { SwitchWorkspaceInput } from "@/server/workspace/schemas";
import { findSwitchableWorkspace } from "@/server/workspace/switch";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
// `{ "workspaceId": "…" }` needs a few dozen bytes.
const MAX_BODY_BYTES = 4 * 1024;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * POST /api/workspace/switch { workspaceId }: the signed-in user acts in that workspace from
 * the next request on. The cookie is httpOnly, so only the server can set it; an API key
 * is bound to its workspace and never switches.
 */
export async function handleWorkspaceSwitch(req: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(req)) {
    return NextResponse.json(
      { error: "This request did not come from the inbox's own pages." },
      { status: 403 },
    );
  }
  const userId = (await sessionFromRequest(db(), req))?.userId;
  if (!userId) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  let text: string;
  try {
    text = await readCappedText(req, MAX_BODY_BYTES, () => new RangeError("body too large"));
  } catch (error) {
    if (error instanceof RangeError)
      return NextResponse.json({ error: "The body is too large." }, { status: 413 });
    throw error;
  }
  const input = SwitchWorkspaceInput.safeParse(parseJson(text));
  if (!input.success) return NextResponse.json({ error: "workspaceId: required" }, { status: 400 });
  const problem = findInputProblem(input.data);
  if (problem) {
    return NextResponse.json({ error: `${problem.path.join(".")}: ${problem.message}` }, { status: 400 });
  }
  try {
    const workspace = await findSwitchableWorkspace(db(), userId, input.data.workspaceId);
    const response = NextResponse.json(workspace);
    response.cookies.set(WORKSPACE_COOKIE, workspace.id, {
      httpOnly: true,
      sameSite: "lax",
      // As next-auth decides for its own cookie; behind a TLS proxy the request URL says http.
      secure: req.nextUrl.protocol === "https:" || Boolean(env().NEXTAUTH_URL?.startsWith("https://")),
      path: "/",
      maxAge: ONE_YEAR_SECONDS,
    });
    return response;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      return NextResponse.json({ error: error.message }, { status: 404 });
    }
    throw error;
  }
}
