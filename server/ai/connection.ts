import { openAgentKey } from "@/server/ai/agent-key";
import { AGENT_BLOCKED_KEY_ENV_RETIRED } from "@/server/ai/blocked-reasons";
import type { ContextAgent } from "@/server/ai/context";
import { findOperatorProvider } from "@/server/ai/operator-providers";
import { PermanentRunError } from "@/server/ai/run-errors";
import { type AllowedHost, effectivePort } from "@/server/outbound/allowed-hosts";

export type AgentConnection = {
  kind: "openai_compatible" | "anthropic";
  baseUrl: string;
  apiKey: string | undefined;
  /** The operator's own provider URL is trusted as if it were in OUTBOUND_ALLOWED_HOSTS. */
  trustedHosts: AllowedHost[];
};

// Written out, not left to the library: its default reads ANTHROPIC_BASE_URL from the server's environment.
export const ANTHROPIC_API_URL = "https://api.anthropic.com/v1";

const SETTINGS = "An admin can change it in Settings → AI agents.";

/** Why a blocked agent does not run, in words a workspace can act on. */
export function blockedRunError(reason: string): string {
  if (reason === AGENT_BLOCKED_KEY_ENV_RETIRED) {
    return `This agent is paused: it named a server variable for its key, which this server no longer allows. Choose one of the operator's providers or enter the workspace's own key. ${SETTINGS}`;
  }
  return `This agent is paused until an admin saves its settings again. ${SETTINGS}`;
}

function hostOf(baseUrl: string): AllowedHost {
  const url = new URL(baseUrl);
  return { hostname: url.hostname, port: effectivePort(url) };
}

/**
 * Where an agent's model calls go and with which key. An operator's provider brings its own
 * URL and key, and that key goes nowhere else; a workspace's own key is opened only here, in
 * the worker, for the workspace's own URL. Anything that cannot work fails the run for good.
 */
export function agentConnection(agent: ContextAgent): AgentConnection {
  if (agent.blockedReason) throw new PermanentRunError(blockedRunError(agent.blockedReason));
  if (agent.provider === "builtin") throw new PermanentRunError("The built-in agent has no model to call.");
  if (agent.operatorProviderId) {
    const offered = findOperatorProvider(agent.operatorProviderId);
    if (!offered || offered.kind !== agent.provider) {
      throw new PermanentRunError(
        `The provider this agent uses is no longer offered by this server. ${SETTINGS}`,
      );
    }
    return {
      kind: offered.kind,
      baseUrl: offered.baseUrl,
      apiKey: offered.apiKey,
      trustedHosts: [hostOf(offered.baseUrl)],
    };
  }
  let apiKey: string | undefined;
  if (agent.apiKeyCiphertext) {
    const opened = openAgentKey(agent.workspaceId, agent.apiKeyCiphertext);
    if ("unreadable" in opened) {
      throw new PermanentRunError(
        opened.unreadable === "no_secrets_key"
          ? "The agent's key cannot be used: this server's operator has turned off keys of the workspace's own. Choose one of the operator's providers in Settings → AI agents."
          : `The agent's key cannot be read any more (this server's secrets key changed); enter it again. ${SETTINGS}`,
      );
    }
    apiKey = opened.apiKey;
  }
  if (agent.provider === "openai_compatible" && !agent.baseUrl) {
    throw new PermanentRunError(`An OpenAI-compatible agent needs its endpoint. ${SETTINGS}`);
  }
  if (agent.provider === "anthropic" && !apiKey) {
    throw new PermanentRunError(`An Anthropic agent needs a key. ${SETTINGS}`);
  }
  const baseUrl = agent.baseUrl ?? ANTHROPIC_API_URL;
  return { kind: agent.provider, baseUrl, apiKey, trustedHosts: [] };
}
