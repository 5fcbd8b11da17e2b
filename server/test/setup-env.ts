import { inject } from "vitest";

// Server modules read the environment through server/env.ts; point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.STORAGE_DIR = process.env.TEST_STORAGE_DIR ?? ".data/test-storage";
process.env.AI_WORKER = "off";
process.env.EVENT_BUS = "memory";
