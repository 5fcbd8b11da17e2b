// `npm run db:seed`: the demo workspace "Acme Support" (slug demo), once.
import { randomBytes, randomInt } from "node:crypto";
import { pathToFileURL } from "node:url";
import {
  AI_AGENT,
  BULK_CITIES,
  BULK_CUSTOMER,
  BULK_DAYS,
  BULK_EXCHANGES,
  BULK_NOTES,
  BULK_PRODUCTS,
  BULK_SUBJECT,
  CHANNEL_KEYS,
  CHANNELS,
  type ChannelKey,
  CUSTOMERS,
  type DemoCustomer,
  type DemoMemberKey,
  LABELS,
  type LabelKey,
  type LocalizedText,
  MEMBERS,
  SCENARIO_LABELS,
  SCENARIOS,
  type Scenario,
  type SystemEvent,
  systemText,
  TEMPLATE_KEYS,
  TEMPLATES,
  type TemplateKey,
  type Turn,
  WORKSPACE,
} from "@/scripts/db/seed-data";
import { hashApiKey } from "@/server/auth/api-key";
import { hashPassword } from "@/server/auth/password";
import { LOCALES, type Locale } from "@/server/connect/locales";
import { renderTemplateText } from "@/server/connect/templates";
import { createDb, type Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { ConversationStatus, MemberRole } from "@/server/db/generated/enums";

export type SeedOptions = { email: string; password: string; apiKey: string };

const API_KEY_PREFIX = "ci_";
const API_KEY_VISIBLE_LENGTH = 11;
const CONVERSATION_COUNT = 40;
const BULK_MESSAGE_COUNT = 2_000;
const INSERT_CHUNK = 1_000;
// Fixed, so every seeded database looks the same and screenshots stay stable.
const PRNG_SEED = 0x5eed_ac3e;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY = 30 * DAY;

/**
 * Creates the demo workspace with its members, API key, channels, customers, templates,
 * AI agent and conversations. Does nothing when a workspace with the slug `demo` exists.
 *
 * Everything, the 2,000-message conversation included, is written in ONE interactive
 * transaction: with `createMany` in chunks of 1,000 that is about twenty statements and
 * takes a second or two, far below the timeout. So a crash midway leaves nothing behind,
 * and "the workspace row exists" always means "the seed finished"; no completion marker
 * or repair pass is needed.
 */
export async function seedDemo(
  db: Db,
  options: SeedOptions,
): Promise<{ created: boolean; workspaceId: string }> {
  if (!options.apiKey.startsWith(API_KEY_PREFIX)) {
    throw new Error(`The demo API key must start with "${API_KEY_PREFIX}"`);
  }
  const existing = await findDemoWorkspace(db);
  if (existing) return { created: false, workspaceId: existing.id };

  const passwordHash = await hashPassword(options.password);
  const demo = buildDemo(new Date());
  try {
    await db.$transaction((tx) => writeDemo(tx, demo, options, passwordHash), {
      maxWait: 30_000,
      timeout: 120_000,
    });
  } catch (error) {
    // Another seed committed the workspace between our check and our insert.
    const winner = await findDemoWorkspace(db);
    if (winner && isUniqueViolation(error)) return { created: false, workspaceId: winner.id };
    throw error;
  }
  return { created: true, workspaceId: demo.workspace.id };
}

function findDemoWorkspace(db: Db) {
  return db.workspace.findUnique({ where: { slug: WORKSPACE.slug }, select: { id: true } });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function writeDemo(
  tx: Prisma.TransactionClient,
  demo: Demo,
  options: SeedOptions,
  passwordHash: string,
): Promise<void> {
  await tx.workspace.create({ data: demo.workspace, select: { id: true } });
  const members: Prisma.MemberCreateManyInput[] = [];
  for (const member of demo.members) {
    const email = member.email ?? options.email;
    // Users are global. An account that already exists (say, from a deleted demo workspace)
    // joins as it is; its password is not ours to change.
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: member.name, passwordHash },
      update: {},
      select: { id: true },
    });
    members.push({
      id: member.id,
      workspaceId: demo.workspace.id,
      userId: user.id,
      role: member.role,
      createdAt: demo.workspace.createdAt,
    });
  }
  await tx.member.createMany({ data: members });
  await tx.apiKey.create({
    data: {
      workspaceId: demo.workspace.id,
      memberId: demo.memberIds.owner,
      name: "Demo key",
      prefix: options.apiKey.slice(0, API_KEY_VISIBLE_LENGTH),
      hash: hashApiKey(options.apiKey),
      createdAt: demo.workspace.createdAt,
    },
    select: { id: true },
  });
  await tx.channel.createMany({ data: demo.channels });
  await tx.customer.createMany({ data: demo.customers });
  await tx.template.createMany({ data: demo.templates });
  await tx.aiAgent.create({ data: demo.agent, select: { id: true } });
  await tx.conversation.createMany({ data: demo.conversations });
  await tx.label.createMany({ data: demo.labels });
  // A trigger counts each conversation's labels (Conversation.labelCount).
  await tx.conversationLabel.createMany({ data: demo.conversationLabels });
  // In creation order, so a reply's parent is always in this chunk or an earlier one.
  for (let start = 0; start < demo.messages.length; start += INSERT_CHUNK) {
    await tx.message.createMany({ data: demo.messages.slice(start, start + INSERT_CHUNK) });
  }
}

type Demo = {
  workspace: { id: string; name: string; slug: string; createdAt: Date };
  members: {
    id: string;
    key: DemoMemberKey;
    name: string;
    email: string | null;
    role: MemberRole;
  }[];
  memberIds: Record<DemoMemberKey, string>;
  channels: Prisma.ChannelCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  templates: Prisma.TemplateCreateManyInput[];
  agent: Prisma.AiAgentCreateManyInput;
  conversations: Prisma.ConversationCreateManyInput[];
  labels: Prisma.LabelCreateManyInput[];
  conversationLabels: Prisma.ConversationLabelCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
};

/** The rows, ids included, so the transaction only inserts. Times count back from `now`. */
function buildDemo(now: Date): Demo {
  const random = createRandom(PRNG_SEED);
  const workspaceId = newId();
  const since = new Date(now.getTime() - 120 * DAY);

  const members = MEMBERS.map((member) => ({ ...member, id: newId() }));
  const memberOf = (key: DemoMemberKey) => {
    const member = members.find((candidate) => candidate.key === key);
    if (!member) throw new Error(`No demo member "${key}"`);
    return member;
  };
  const memberIds = { owner: memberOf("owner").id, omar: memberOf("omar").id, elif: memberOf("elif").id };
  const memberNames = {
    owner: memberOf("owner").name,
    omar: memberOf("omar").name,
    elif: memberOf("elif").name,
  };
  const channelIds: Record<ChannelKey, string> = { website: newId(), email: newId() };
  const templateIds: Record<TemplateKey, string> = {
    greeting: newId(),
    orderNumber: newId(),
    refund: newId(),
    shipped: newId(),
    closing: newId(),
  };
  const agentId = newId();

  const customerRows = [...CUSTOMERS, BULK_CUSTOMER].map((customer) => {
    const createdAt = new Date(now.getTime() - random.int(35, 110) * DAY - random.int(0, 23) * HOUR);
    return {
      customer,
      row: {
        id: newId(),
        workspaceId,
        externalId: customer.externalId,
        name: customer.name,
        email: customer.email,
        phone: customer.phone ?? null,
        ...(customer.metadata ? { metadata: customer.metadata } : {}),
        createdAt,
        updatedAt: createdAt,
      } satisfies Prisma.CustomerCreateManyInput,
    };
  });

  const context: ConversationContext = {
    now,
    random,
    workspaceId,
    memberIds,
    memberNames,
    agentId,
    channelIds,
    templateIds,
  };

  const conversations: Prisma.ConversationCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  const labelIds = Object.fromEntries(Object.keys(LABELS).map((key) => [key, newId()])) as Record<
    LabelKey,
    string
  >;
  const conversationLabels: Demo["conversationLabels"] = [];
  let snoozed = false;
  const customerUses = new Map<Locale, number>();
  for (let index = 0; index < CONVERSATION_COUNT; index++) {
    const scenario = at(SCENARIOS, index % SCENARIOS.length);
    const use = Math.floor(index / SCENARIOS.length);
    const sameLocale = customerRows.filter(
      ({ customer }) => customer !== BULK_CUSTOMER && customer.locale === scenario.locale,
    );
    const uses = customerUses.get(scenario.locale) ?? 0;
    customerUses.set(scenario.locale, uses + 1);
    const { customer, row } = at(sameLocale, uses % sameLocale.length);
    const written = writeScenario(context, scenario, use, { ...customer, id: row.id });
    // One conversation waiting for the customer is put away until tomorrow morning instead.
    if (written.conversation.status === "pending" && use > 0 && !snoozed) {
      snoozed = true;
      written.conversation.status = "snoozed";
      written.conversation.snoozedUntil = tomorrowMorning(now);
    }
    conversations.push(written.conversation);
    messages.push(...written.messages);
    for (const key of SCENARIO_LABELS.get(scenario) ?? []) {
      conversationLabels.push({
        workspaceId,
        conversationId: written.conversation.id ?? "",
        labelId: labelIds[key],
        lastMessageAt: written.conversation.lastMessageAt ?? now,
      });
    }
  }
  const bulkCustomer = at(customerRows, customerRows.length - 1);
  const bulk = writeBulkConversation(context, { ...BULK_CUSTOMER, id: bulkCustomer.row.id });
  conversations.push(bulk.conversation);
  messages.push(...bulk.messages);

  return {
    workspace: { id: workspaceId, name: WORKSPACE.name, slug: WORKSPACE.slug, createdAt: since },
    members,
    memberIds,
    channels: CHANNEL_KEYS.map((key) => ({
      id: channelIds[key],
      workspaceId,
      ...CHANNELS[key],
      createdAt: since,
    })),
    customers: customerRows.map(({ row }) => row),
    templates: TEMPLATE_KEYS.map((key) => ({
      id: templateIds[key],
      workspaceId,
      name: TEMPLATES[key].name,
      content: TEMPLATES[key].content,
      createdAt: since,
      updatedAt: since,
    })),
    agent: { id: agentId, workspaceId, ...AI_AGENT, createdAt: since, updatedAt: since },
    conversations,
    labels: (Object.keys(LABELS) as LabelKey[]).map((key) => ({
      id: labelIds[key],
      workspaceId,
      ...LABELS[key],
      createdAt: since,
      updatedAt: since,
    })),
    conversationLabels,
    messages,
  };
}

/** 09:00 UTC on the day after `now`. */
function tomorrowMorning(now: Date): Date {
  const next = new Date(now.getTime() + DAY);
  next.setUTCHours(9, 0, 0, 0);
  return next;
}

type ConversationContext = {
  now: Date;
  random: Random;
  workspaceId: string;
  memberIds: Record<DemoMemberKey, string>;
  memberNames: Record<DemoMemberKey, string>;
  agentId: string;
  channelIds: Record<ChannelKey, string>;
  templateIds: Record<TemplateKey, string>;
};

type SeededCustomer = DemoCustomer & { id: string };

type WrittenConversation = {
  conversation: Prisma.ConversationCreateManyInput;
  messages: Prisma.MessageCreateManyInput[];
};

type MessageDraft = Omit<
  Prisma.MessageCreateManyInput,
  "id" | "workspaceId" | "conversationId" | "channelId" | "parentId" | "content" | "createdAt"
> & {
  content: LocalizedText;
  /** Reply in the thread of the message before (an internal note never starts a customer's thread). */
  thread?: boolean;
};

/**
 * Collects a conversation's messages in order and keeps what the conversation row needs:
 * the first and newest times, the customer's newest, and the newest preview that is not an
 * internal note.
 */
class ConversationWriter {
  readonly id = newId();
  readonly messages: Prisma.MessageCreateManyInput[] = [];
  private firstAt: Date | null = null;
  private lastAt: Date | null = null;
  private lastCustomerAt: Date | null = null;
  private preview: LocalizedText | null = null;
  /** The thread (its first message's id) a reply to the message before would join. */
  private lastPublicThread: string | null = null;
  private lastAnyThread: string | null = null;

  constructor(
    private readonly context: ConversationContext,
    private readonly channelId: string,
  ) {}

  add(draft: MessageDraft, createdAt: Date): void {
    const { thread, ...fields } = draft;
    if (this.lastAt && createdAt <= this.lastAt) throw new Error("Message times must increase");
    const internal = Array.isArray(fields.flags) && fields.flags.includes(INTERNAL_FLAG);
    // Threads are one level deep: a reply to a reply joins the first message's thread.
    const parentId = thread ? (internal ? this.lastAnyThread : this.lastPublicThread) : null;
    const id = newId();
    this.messages.push({
      ...fields,
      id,
      workspaceId: this.context.workspaceId,
      conversationId: this.id,
      channelId: this.channelId,
      parentId,
      createdAt,
    });
    this.firstAt ??= createdAt;
    this.lastAt = createdAt;
    if (fields.senderType === "customer") this.lastCustomerAt = createdAt;
    if (!internal) this.preview = fields.content;
    if (fields.senderType !== "system") {
      this.lastAnyThread = parentId ?? id;
      if (!internal) this.lastPublicThread = parentId ?? id;
    }
  }

  finish(fields: {
    customerId: string;
    status: ConversationStatus;
    assigneeId: string | null;
    subject: string;
  }): WrittenConversation {
    if (!this.firstAt || !this.lastAt) throw new Error(`Conversation "${fields.subject}" has no messages`);
    return {
      conversation: {
        id: this.id,
        workspaceId: this.context.workspaceId,
        channelId: this.channelId,
        ...fields,
        lastMessageAt: this.lastAt,
        lastCustomerMessageAt: this.lastCustomerAt,
        lastMessagePreview: this.preview ?? Prisma.DbNull,
        createdAt: this.firstAt,
        updatedAt: this.lastAt,
      },
      messages: this.messages,
    };
  }
}

const INTERNAL_FLAG = "internal";

function writeScenario(
  context: ConversationContext,
  scenario: Scenario,
  use: number,
  customer: SeededCustomer,
): WrittenConversation {
  const { random } = context;
  let turns = scenario.turns;
  let status = scenario.status;
  if (use > 0) {
    // A later use of a scenario is the same story caught earlier: cut after a customer
    // message (still open) or after a member's reply (pending, waiting for the customer).
    const cuts = turns
      .map((turn, index) => ({ turn, length: index + 1 }))
      .filter(
        ({ turn, length }) =>
          length >= 4 && length < turns.length && (turn.kind === "customer" || turn.kind === "member"),
      );
    if (cuts.length > 0) {
      const cut = random.pick(cuts);
      turns = turns.slice(0, cut.length);
      status = cut.turn.kind === "customer" ? "open" : "pending";
    }
  }

  const assignee = chooseAssignee(random, scenario.locale, status);
  const handler = assignee ?? random.pick(MEMBER_KEYS);
  const colleague = random.pick(MEMBER_KEYS.filter((key) => key !== handler));
  if (!assignee) turns = turns.filter((turn) => !(turn.kind === "system" && turn.event === "assigned"));
  else if (!turns.some((turn) => turn.kind === "system" && turn.event === "assigned") && random.chance(0.5)) {
    turns = [...turns.slice(0, 1), { kind: "system", event: "assigned" }, ...turns.slice(1)];
  }

  const times = spreadTimes(context, turns, status);
  const orderId = `#${random.int(40_000, 69_999)}`;
  const firstName = (key: DemoMemberKey) => context.memberNames[key].split(" ")[0] ?? "";
  const fill = (text: string) =>
    text
      .replaceAll("{order}", orderId)
      .replaceAll("{name}", customer.name.split(" ")[0] ?? customer.name)
      .replaceAll("{agent}", firstName(handler));
  const localized = (text: string | LocalizedText): LocalizedText =>
    typeof text === "string" ? { [scenario.locale]: fill(text) } : mapLocalized(text, (value) => fill(value));

  const channelKey = use > 0 && random.chance(0.3) ? otherChannel(scenario.channel) : scenario.channel;
  const writer = new ConversationWriter(context, context.channelIds[channelKey]);
  const draftFor = (turn: Turn): MessageDraft => {
    switch (turn.kind) {
      case "customer":
        return {
          content: localized(turn.text),
          senderType: "customer",
          senderCustomerId: customer.id,
          thread: turn.thread,
        };
      case "member":
        return {
          content: localized(turn.text),
          senderType: "member",
          senderMemberId: context.memberIds[handler],
          thread: turn.thread,
        };
      case "note":
        return {
          content: localized(turn.text),
          senderType: "member",
          senderMemberId: context.memberIds[turn.colleague ? colleague : handler],
          flags: [INTERNAL_FLAG],
          thread: turn.thread,
        };
      case "ai":
        return { content: localized(turn.text), senderType: "ai", senderAgentId: context.agentId };
      case "system":
        return {
          content: systemText(turn.event, context.memberNames[systemActor(turn.event, assignee, handler)]),
          senderType: "system",
        };
      case "template": {
        const templateContext = {
          customer: { name: customer.name },
          workspace: { name: WORKSPACE.name },
          ...(turn.template === "refund" || turn.template === "shipped" ? { order: { id: orderId } } : {}),
        };
        return {
          // As sending a template does: every locale of the template, filled in.
          content: renderTemplate(TEMPLATES[turn.template].content, templateContext),
          senderType: "member",
          senderMemberId: context.memberIds[handler],
          templateId: context.templateIds[turn.template],
          templateContext,
          thread: turn.thread,
        };
      }
    }
  };
  turns.forEach((turn, index) => {
    writer.add(draftFor(turn), at(times, index));
  });
  return writer.finish({
    customerId: customer.id,
    status,
    assigneeId: assignee ? context.memberIds[assignee] : null,
    subject: fill(at(scenario.subjects, Math.min(use, scenario.subjects.length - 1))),
  });
}

const MEMBER_KEYS: DemoMemberKey[] = ["owner", "omar", "elif"];

/** Omar takes most Arabic conversations and Elif most Turkish ones; open ones are often unclaimed. */
function chooseAssignee(random: Random, locale: Locale, status: ConversationStatus): DemoMemberKey | null {
  if (random.chance(status === "open" ? 0.4 : 0.1)) return null;
  if (locale === "ar" && random.chance(0.6)) return "omar";
  if (locale === "tr" && random.chance(0.6)) return "elif";
  return random.pick(MEMBER_KEYS);
}

function systemActor(
  event: SystemEvent,
  assignee: DemoMemberKey | null,
  handler: DemoMemberKey,
): DemoMemberKey {
  return event === "assigned" ? (assignee ?? handler) : handler;
}

function otherChannel(channel: ChannelKey): ChannelKey {
  return channel === "website" ? "email" : "website";
}

/** One strictly increasing time per turn, ending at a moment that fits the status. */
function spreadTimes(context: ConversationContext, turns: Turn[], status: ConversationStatus): Date[] {
  const { random, now } = context;
  const offsets: number[] = [];
  let total = 0;
  turns.forEach((turn, index) => {
    if (index > 0) total += gapBefore(random, turn, at(turns, index - 1));
    offsets.push(total);
  });
  const ageOfLast =
    status === "open"
      ? random.int(3, 2 * 24 * 60) * MINUTE
      : status === "pending"
        ? random.int(60, 5 * 24 * 60) * MINUTE
        : random.int(24 * 60, 22 * 24 * 60) * MINUTE;
  const earliestStart = now.getTime() - HISTORY + HOUR;
  const start = Math.max(now.getTime() - ageOfLast - total, earliestStart);
  return offsets.map((offset) => new Date(start + offset));
}

function gapBefore(random: Random, turn: Turn, previous: Turn): number {
  const jitter = random.int(5, 59) * SECOND;
  if (turn.kind !== "system" && turn.later)
    return random.int(18, 50) * HOUR + random.int(0, 59) * MINUTE + jitter;
  const sameSide = isWorkspaceSide(turn) && isWorkspaceSide(previous);
  switch (turn.kind) {
    case "customer":
      return random.int(4, 360) * MINUTE + jitter;
    case "member":
    case "template":
      return (sameSide ? random.int(1, 15) : random.int(2, 180)) * MINUTE + jitter;
    case "note":
      return random.int(1, 20) * MINUTE + jitter;
    case "ai":
    case "system":
      return jitter;
  }
}

function isWorkspaceSide(turn: Turn): boolean {
  return turn.kind === "member" || turn.kind === "template" || turn.kind === "note";
}

function renderTemplate(content: LocalizedText, templateContext: unknown): LocalizedText {
  return mapLocalized(content, (text) => renderTemplateText(text, templateContext));
}

function mapLocalized(text: LocalizedText, map: (value: string) => string): LocalizedText {
  const result: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = text[locale];
    if (value !== undefined) result[locale] = map(value);
  }
  return result;
}

/**
 * "Bulk order history": a trading company's purchase orders over 30 days, written by its
 * offices in English, Arabic and Turkish, exactly BULK_MESSAGE_COUNT messages.
 */
function writeBulkConversation(context: ConversationContext, customer: SeededCustomer): WrittenConversation {
  const { random, now } = context;
  const handlerFor: Record<Locale, DemoMemberKey> = { en: "owner", ar: "omar", tr: "elif" };
  const purchaseOrders = [`PO-${random.int(50_000, 52_000)}`];
  const drafts: BulkDraft[] = [];
  let pending = false;
  while (drafts.length < BULK_MESSAGE_COUNT) {
    // An episode: one office's questions on one day, answered by the member who speaks its language.
    const locale: Locale = random.chance(0.5) ? "en" : random.chance(0.5) ? "ar" : "tr";
    const handler = handlerFor[locale];
    if (random.chance(0.35)) purchaseOrders.push(`PO-${random.int(52_001, 59_999)}`);
    const episode: BulkDraft[] = [];
    const exchanges = random.int(2, 7);
    for (let exchange = 0; exchange < exchanges; exchange++) {
      episode.push(...bulkExchange(context, customer, locale, handler, bulkSlots(random, purchaseOrders)));
    }
    if (pending) {
      // The customer's first message of the episode reopened the pending conversation.
      episode.splice(1, 0, systemDraft("reopened", context.memberNames[handler]));
      pending = false;
    }
    if (random.chance(0.06)) {
      episode.push(systemDraft("pending", context.memberNames[handler]));
      pending = true;
    }
    const first = episode[0];
    if (first) first.episodeStart = true;
    drafts.push(...episode);
  }
  drafts.length = BULK_MESSAGE_COUNT;

  // Gaps drawn per message (longer between episodes), then scaled to fill the 30 days.
  const weights = drafts.map((draft, index) =>
    index === 0 ? 0 : (draft.episodeStart ? 6 : 1) * (0.3 + 1.4 * random.next()),
  );
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const span = HISTORY - 3 * HOUR;
  let time = now.getTime() - HISTORY + HOUR;
  const writer = new ConversationWriter(context, context.channelIds.email);
  drafts.forEach((draft, index) => {
    time += Math.max(SECOND, Math.round((at(weights, index) / weightSum) * span));
    const { episodeStart: _, ...message } = draft;
    writer.add(message, new Date(time));
  });
  return writer.finish({
    customerId: customer.id,
    status: "open",
    assigneeId: context.memberIds.owner,
    subject: BULK_SUBJECT,
  });
}

type BulkDraft = MessageDraft & { episodeStart: boolean };

/** A request, sometimes an AI answer or an internal note, then the member's reply. */
function bulkExchange(
  context: ConversationContext,
  customer: SeededCustomer,
  locale: Locale,
  handler: DemoMemberKey,
  slots: BulkSlots,
): BulkDraft[] {
  const { random } = context;
  const index = random.int(0, BULK_EXCHANGES[locale].length - 1);
  const exchange = at(BULK_EXCHANGES[locale], index);
  const text = (line: string) => ({ [locale]: fillSlots(line, locale, slots) });
  const drafts: BulkDraft[] = [
    {
      content: text(exchange.customer),
      senderType: "customer",
      senderCustomerId: customer.id,
      thread: random.chance(0.05),
      episodeStart: false,
    },
  ];
  const aiAnswer = exchange.ai !== undefined && random.chance(0.3) ? exchange.ai : null;
  if (aiAnswer) {
    drafts.push({
      content: text(aiAnswer),
      senderType: "ai",
      senderAgentId: context.agentId,
      episodeStart: false,
    });
  }
  if (random.chance(0.1)) {
    drafts.push({
      content: text(random.pick(BULK_NOTES[locale])),
      senderType: "member",
      senderMemberId: context.memberIds[random.chance(0.7) ? handler : random.pick(MEMBER_KEYS)],
      flags: [INTERNAL_FLAG],
      thread: random.chance(0.5),
      episodeStart: false,
    });
  }
  const reply: LocalizedText = text(exchange.member);
  if (random.chance(0.05)) {
    // Now and then the answer also goes out in a second office's language.
    const second: Locale = locale === "en" ? random.pick(["ar", "tr"] as const) : "en";
    reply[second] = fillSlots(at(BULK_EXCHANGES[second], index).member, second, slots);
  }
  drafts.push({
    content: reply,
    senderType: "member",
    senderMemberId: context.memberIds[handler],
    thread: !aiAnswer && random.chance(0.15),
    episodeStart: false,
  });
  return drafts;
}

function systemDraft(event: SystemEvent, memberName: string): BulkDraft {
  return { content: systemText(event, memberName), senderType: "system", episodeStart: false };
}

type BulkSlots = {
  po: string;
  qty: number;
  weeks: number;
  product: number;
  city: number;
  city2: number;
  day: number;
};

const QUANTITIES = [50, 100, 120, 200, 250, 300, 400, 500, 750, 1_000, 1_200, 1_500, 2_000];

function bulkSlots(random: Random, purchaseOrders: string[]): BulkSlots {
  const city = random.int(0, BULK_CITIES.length - 1);
  return {
    // Mostly the newest orders, as a live account talks about them.
    po: at(purchaseOrders, Math.max(0, purchaseOrders.length - 1 - random.int(0, 2))),
    qty: random.pick(QUANTITIES),
    weeks: random.int(3, 8),
    product: random.int(0, BULK_PRODUCTS.length - 1),
    city,
    city2: (city + random.int(1, BULK_CITIES.length - 1)) % BULK_CITIES.length,
    day: random.int(0, BULK_DAYS.length - 1),
  };
}

function fillSlots(line: string, locale: Locale, slots: BulkSlots): string {
  return line
    .replaceAll("{po}", slots.po)
    .replaceAll("{qty}", String(slots.qty))
    .replaceAll("{weeks}", String(slots.weeks))
    .replaceAll("{product}", at(BULK_PRODUCTS, slots.product)[locale])
    .replaceAll("{city2}", at(BULK_CITIES, slots.city2)[locale])
    .replaceAll("{city}", at(BULK_CITIES, slots.city)[locale])
    .replaceAll("{day}", at(BULK_DAYS, slots.day)[locale]);
}

type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
};

/** mulberry32: small, fast and the same on every machine. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => at(items, Math.floor(next() * items.length)),
  };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item at index ${index} of ${items.length}`);
  return item;
}

/** The shape of a cuid, from the OS's randomness: ids must not repeat across databases. */
function newId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

const READABLE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Three groups of four unambiguous characters, e.g. `k7wm-3hpa-x9tq`. */
function readablePassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => READABLE_ALPHABET.charAt(randomInt(READABLE_ALPHABET.length))).join("");
  return [group(), group(), group()].join("-");
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set");
    process.exit(1);
  }
  const options: SeedOptions = {
    email: process.env.SEED_EMAIL ?? "owner@demo.connect-inbox.test",
    password: process.env.SEED_PASSWORD ?? readablePassword(),
    apiKey: process.env.SEED_API_KEY ?? `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`,
  };
  const db = createDb(databaseUrl);
  try {
    const startedAt = performance.now();
    const { created, workspaceId } = await seedDemo(db, options);
    if (!created) {
      console.log(`The demo workspace already exists (${workspaceId}); nothing changed.`);
      return;
    }
    console.log(
      [
        `Seeded "${WORKSPACE.name}" (${workspaceId}) in ${Math.round(performance.now() - startedAt)} ms.`,
        `  sign in:  ${options.email} / ${options.password}`,
        "            (an account that existed before keeps its own password)",
        `  API key:  ${options.apiKey}`,
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
