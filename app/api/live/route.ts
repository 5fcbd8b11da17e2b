import { handleLiveRequest } from "@/server/live/http";

// Every request is a stream of its own: never prerendered, never cached.
export const dynamic = "force-dynamic";

export { handleLiveRequest as GET };
