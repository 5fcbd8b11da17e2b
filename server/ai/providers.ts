import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, type LanguageModel, streamText } from "ai";
import { agentConnection } from "@/server/ai/connection";
import { agentSettings, type ContextAgent } from "@/server/ai/context";
import { env } from "@/server/env";
import { outboundFetch } from "@/server/outbound/fetch";

// A model's answer is text; anything near this size is not one.
const MODEL_RESPONSE_MAX_BYTES = 8 * 1024 * 1024;

function languageModel(agent: ContextAgent): LanguageModel {
  const connection = agentConnection(agent);
  // Every provider call goes through the guard, the operator's providers included: one place
  // for the address checks, the size cap, no redirects (a key never follows one) and general errors.
  const fetch = outboundFetch({
    timeoutMs: env().AI_RUN_TIMEOUT_MS,
    maxBytes: MODEL_RESPONSE_MAX_BYTES,
    trustedHosts: connection.trustedHosts,
  });
  if (connection.kind === "anthropic") {
    // Never undefined: the library would then read ANTHROPIC_API_KEY from the server's environment.
    return createAnthropic({ apiKey: connection.apiKey ?? "", baseURL: connection.baseUrl, fetch })(
      agent.model,
    );
  }
  return createOpenAICompatible({
    name: "agent",
    baseURL: connection.baseUrl,
    apiKey: connection.apiKey,
    fetch,
  }).chatModel(agent.model);
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
