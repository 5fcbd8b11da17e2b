import { scopedRoute } from "@/server/http/route";
import { handleWorkspaceSwitch } from "@/server/workspace/switch-http";

export const POST = scopedRoute("workspace switch", handleWorkspaceSwitch);
