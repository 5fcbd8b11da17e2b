import { handleWorkspaceSwitch } from "@/server/workspace/switch-http";

export { handleWorkspaceSwitch as POST };
