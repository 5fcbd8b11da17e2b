// No imports: the settings UI reads these too.

/** The agent named a server variable for its key (set by the 2026-12-05 migration). */
export const AGENT_BLOCKED_KEY_ENV_RETIRED = "key_env_retired";
