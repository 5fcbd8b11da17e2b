import { workspaceKeysEnabled } from "@/server/ai/agent-key";
import type { AiProvidersOutput } from "@/server/ai/schemas";
import { env, type OperatorProvider } from "@/server/env";

/**
 * What an admin may connect an agent to: the operator's providers (AI_PROVIDERS) by id, label
 * and kind, never their keys or URLs; and whether the workspace may store a key of its own.
 */
export function listAiProviders(): AiProvidersOutput {
  return {
    operatorProviders: env().AI_PROVIDERS.map(({ id, label, kind }) => ({ id, label, kind })),
    workspaceKeys: workspaceKeysEnabled(),
  };
}

export function findOperatorProvider(id: string): OperatorProvider | undefined {
  return env().AI_PROVIDERS.find((provider) => provider.id === id);
}
