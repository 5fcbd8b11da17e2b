import { checkDatabase } from "@/server/health";
import { scopedRoute } from "@/server/http/route";

export const GET = scopedRoute("health", async () => {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503 },
  );
});
