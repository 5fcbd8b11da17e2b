import { isCustomerSpecific } from "@/server/ai/builtin/customer-specific";
import { rankBm25 } from "@/server/ai/builtin/rank";
import { searchTerms } from "@/server/ai/builtin/tokens";
import { textInLocale } from "@/server/ai/language";
import type { Locale } from "@/server/connect/schemas";
import { INTERNAL_FLAG } from "@/server/connect/send-message";
import { renderTemplateText } from "@/server/connect/templates";
import type { Db } from "@/server/db/client";

const RESOLVED_CONVERSATIONS = 200;
const KNOWLEDGE_MESSAGES = 5_000;
// Curated answers win a close call against a reply someone once wrote.
const TEMPLATE_BOOST = 1.25;
const MIN_MATCHED_SHARE = 0.5;

export const NOTHING_FOUND: Record<Locale, string> = {
  en: "I couldn't find a reliable answer to this in our saved answers, so I won't guess. A member of our support team will follow up with you shortly.",
  ar: "لم أجد إجابة موثوقة لهذا السؤال في إجاباتنا المحفوظة، لذلك لن أخمّن. سيتابع معك أحد أعضاء فريق الدعم قريبًا.",
  tr: "Bu soruya kayıtlı yanıtlarımızda güvenilir bir yanıt bulamadım, bu yüzden tahmin yürütmeyeceğim. Destek ekibimizden biri kısa süre içinde size dönecek.",
};

export type KnowledgeSource = { type: "template" | "conversation"; id: string; score: number };

export type BuiltinAnswer = { text: string; found: boolean; sources: KnowledgeSource[] };

type Entry = { type: KnowledgeSource["type"]; id: string; answer: string; terms: string[] };

async function templateEntries(db: Db, workspaceId: string, locale: Locale): Promise<Entry[]> {
  const templates = await db.template.findMany({
    where: { workspaceId },
    select: { id: true, name: true, content: true },
    orderBy: { id: "asc" },
  });
  return templates.flatMap((template) => {
    const text = textInLocale(template.content, locale);
    if (!text) return [];
    const terms = searchTerms(`${template.name.replace(/[-_]/g, " ")} ${text}`, locale);
    return [{ type: "template" as const, id: template.id, answer: text, terms }];
  });
}

/**
 * Each member reply of a recently resolved conversation that holds for any customer, searchable by
 * the customer messages it answered.
 */
async function conversationEntries(db: Db, workspaceId: string, locale: Locale): Promise<Entry[]> {
  const conversations = await db.conversation.findMany({
    where: { workspaceId, status: "resolved" },
    select: { id: true, customer: { select: { name: true, email: true } } },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: RESOLVED_CONVERSATIONS,
  });
  if (conversations.length === 0) return [];
  const messages = await db.message.findMany({
    where: { workspaceId, conversationId: { in: conversations.map((c) => c.id) } },
    select: { id: true, conversationId: true, content: true, senderType: true, flags: true },
    orderBy: [{ conversationId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: KNOWLEDGE_MESSAGES,
  });
  const customerOf = new Map(conversations.map((c) => [c.id, c.customer]));
  const entries: Entry[] = [];
  let conversationId = "";
  let question: string[] = [];
  for (const message of messages) {
    if (message.conversationId !== conversationId) {
      conversationId = message.conversationId;
      question = [];
    }
    if (message.flags.includes(INTERNAL_FLAG)) continue;
    const text = textInLocale(message.content, locale);
    if (message.senderType === "customer") {
      if (text) question.push(text);
      continue;
    }
    if (message.senderType !== "member" || !text || question.length === 0) continue;
    if (!isCustomerSpecific(text, customerOf.get(message.conversationId))) {
      entries.push({
        type: "conversation",
        id: message.id,
        answer: text,
        terms: searchTerms(`${question.join(" ")} ${text}`, locale),
      });
    }
    question = [];
  }
  return entries;
}

/**
 * The built-in agent: no network, no model. Ranks the workspace's templates and its resolved
 * conversations' member replies against the question with BM25, and answers with the best one
 * in the question's language, or says plainly that it has nothing good. Same inputs, same answer.
 */
export async function answerFromKnowledge(
  db: Db,
  params: {
    workspaceId: string;
    workspaceName: string;
    question: string;
    locale: Locale;
    customer: { name: string | null; email: string | null };
  },
): Promise<BuiltinAnswer> {
  const { workspaceId, question, locale } = params;
  const entries = [
    ...(await templateEntries(db, workspaceId, locale)),
    ...(await conversationEntries(db, workspaceId, locale)),
  ];
  const questionTerms = new Set(searchTerms(question, locale));
  const ranked = rankBm25(
    [...questionTerms],
    entries.map((entry) => ({ terms: entry.terms, key: `${entry.type}:${entry.id}`, document: entry })),
  )
    .map((r) => ({ ...r, score: r.document.type === "template" ? r.score * TEMPLATE_BOOST : r.score }))
    .sort((a, b) => b.score - a.score);

  const good = ranked.filter(
    (r) =>
      (r.matched >= 2 && r.matched / r.known >= MIN_MATCHED_SHARE) ||
      (questionTerms.size <= 2 && r.matched === questionTerms.size),
  );
  const customer: Record<string, string> = {};
  if (params.customer.name) customer.name = params.customer.name;
  if (params.customer.email) customer.email = params.customer.email;
  const context = { customer, workspace: { name: params.workspaceName } };
  for (const candidate of good) {
    let text: string;
    try {
      // A template asking for something this conversation cannot fill is not sendable as is.
      text = renderTemplateText(candidate.document.answer, context);
    } catch {
      continue;
    }
    if (/\{\{|\}\}/.test(text) || !text.trim()) continue;
    const sources = [candidate, ...good.filter((r) => r !== candidate).slice(0, 2)].map((r) => ({
      type: r.document.type,
      id: r.document.id,
      score: Math.round(r.score * 1000) / 1000,
    }));
    return { text: text.trim(), found: true, sources };
  }
  return { text: NOTHING_FOUND[locale], found: false, sources: [] };
}
