import { handleAuthRequest } from "@/server/auth/http";
import { scopedRoute } from "@/server/http/route";

const handler = scopedRoute("auth", handleAuthRequest);

export { handler as GET, handler as POST };
