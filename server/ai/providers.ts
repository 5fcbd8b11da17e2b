import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, type LanguageModel, streamText } from "ai";
import { agentSettings, type ContextAgent } from "@/server/ai/context";
import { aiApiKey } from "@/server/env";

/** A failure that another attempt cannot fix (configuration, a refused request): the run fails at once. */
export class PermanentRunError extends Error {
  override readonly name = "PermanentRunError";
}

function secret(agent: ContextAgent): string | undefined {
  if (!agent.apiKeyEnv) return undefined;
  const key = aiApiKey(agent.apiKeyEnv);
  if (!key) throw new PermanentRunError(`apiKeyEnv: ${agent.apiKeyEnv} is not set on the server`);
  return key;
}

function languageModel(agent: ContextAgent): LanguageModel {
  switch (agent.provider) {
    case "openai_compatible": {
      if (!agent.baseUrl)
        throw new PermanentRunError("baseUrl: an OpenAI-compatible agent needs its endpoint");
      const provider = createOpenAICompatible({
        name: "agent",
        baseURL: agent.baseUrl,
        apiKey: secret(agent),
      });
      return provider.chatModel(agent.model);
    }
    case "anthropic": {
      const apiKey = secret(agent);
      if (!apiKey)
        throw new PermanentRunError("apiKeyEnv: an Anthropic agent needs the name of its key's variable");
      return createAnthropic({ apiKey, ...(agent.baseUrl ? { baseURL: agent.baseUrl } : {}) })(agent.model);
    }
    case "builtin":
      throw new PermanentRunError("the built-in agent has no model to call");
  }
}

export type ModelCall = {
  system: string;
  prompt: string;
  signal: AbortSignal;
  /** Streams when given: called with the whole text so far as it grows. */
  onPartial?: (textSoFar: string) => void;
};

/**
 * One model call through the Vercel AI SDK, with no retries of its own: the job queue retries
 * with backoff and the run records every attempt.
 */
export async function callModel(agent: ContextAgent, call: ModelCall): Promise<string> {
  const model = languageModel(agent);
  const settings = agentSettings(agent);
  const common = {
    model,
    system: call.system,
    prompt: call.prompt,
    abortSignal: call.signal,
    maxRetries: 0,
    ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
    ...(settings.maxOutputTokens !== undefined ? { maxOutputTokens: settings.maxOutputTokens } : {}),
  };
  if (!call.onPartial) {
    const result = await generateText(common);
    return result.text;
  }
  const result = streamText(common);
  let text = "";
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      text += part.text;
      call.onPartial(text);
    } else if (part.type === "error") {
      throw part.error;
    } else if (part.type === "abort") {
      throw call.signal.reason ?? new Error("aborted");
    }
  }
  return text;
}

/** Whether another attempt might succeed. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PermanentRunError) return false;
  if (APICallError.isInstance(error)) return error.isRetryable;
  return true;
}

/** The error as a member can read it, without request bodies or headers. */
export function describeError(error: unknown): string {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? `HTTP ${error.statusCode}: ` : "";
    return `${status}${error.message}`.slice(0, 1_000);
  }
  if (error instanceof Error) return `${error.message}`.slice(0, 1_000);
  return String(error).slice(0, 1_000);
}
