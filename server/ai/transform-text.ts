import { rewriteOffline } from "@/server/ai/builtin/rewrite";
import type { ContextAgent } from "@/server/ai/context";
import { LANGUAGE_NAMES } from "@/server/ai/language";
import { callModel } from "@/server/ai/providers";
import { PermanentRunError } from "@/server/ai/run-errors";
import type { StoredRunOutput, TransformRequest } from "@/server/ai/schemas";

export const TRANSLATE_UNSUPPORTED =
  "translate: not supported by the built-in agent, which works offline; choose an agent with an OpenAI-compatible or Anthropic model";

const STYLE_INSTRUCTIONS = {
  shorter: "Make it shorter: keep every fact, request and link, drop filler and repetition.",
  friendlier: "Make it warmer and friendlier, without adding promises or facts.",
  formal: "Make it formal and polite, without contractions or slang.",
} as const;

const KEEP =
  "Keep names, numbers, links, email addresses and {{placeholders}} exactly as they are. Answer with the text only, nothing before or after it.";

type Texts = StoredRunOutput["texts"];

/** A draft's text translated into each target language, or rewritten in its own. */
export async function transformText(
  agent: ContextAgent,
  kind: "translate" | "rewrite",
  request: TransformRequest,
  options: { signal: AbortSignal; customerName: string | null; onPartial: (texts: Texts) => void },
): Promise<Texts> {
  const { signal, onPartial } = options;
  const source = request.locale;
  if (agent.provider === "builtin") {
    if (kind === "translate") throw new PermanentRunError(TRANSLATE_UNSUPPORTED);
    return {
      [source]: rewriteOffline(request.text, source, request.style ?? undefined, options.customerName),
    };
  }
  if (kind === "rewrite") {
    const style = request.style ? STYLE_INSTRUCTIONS[request.style] : "Fix grammar and make it clear.";
    const text = await callModel(agent, {
      system: `You edit replies that a customer support team sends to customers. Rewrite the user's text in ${LANGUAGE_NAMES[source]}. ${style} ${KEEP}`,
      prompt: request.text,
      signal,
      onPartial: (soFar) => onPartial({ [source]: soFar }),
    });
    return { [source]: text.trim() };
  }
  const texts: Texts = {};
  for (const target of request.targetLocales) {
    const text = await callModel(agent, {
      system: `You translate messages that a customer support team sends to customers, from ${LANGUAGE_NAMES[source]} into ${LANGUAGE_NAMES[target]}. Keep the tone. ${KEEP}`,
      prompt: request.text,
      signal,
      onPartial: (soFar) => onPartial({ ...texts, [target]: soFar }),
    });
    texts[target] = text.trim();
  }
  return texts;
}
