import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI downloads a schema-engine binary on start, which these machines cannot do.
// Generation never runs it; migrations go through scripts/db (schema-engine-wasm).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/placeholder");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
