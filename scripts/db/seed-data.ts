// What the demo workspace says: people, templates and support dialogue in English, Arabic
// and Turkish. scripts/db/seed.ts turns it into rows.
import type { Locale } from "@/server/connect/schemas";
import type { ConversationStatus, MemberRole } from "@/server/db/generated/enums";

export type LocalizedText = Partial<Record<Locale, string>>;

export type DemoMemberKey = "owner" | "omar" | "elif";

export const WORKSPACE = { name: "Acme Support", slug: "demo" } as const;

/** The owner's email comes from the seed's options; the agents' are fixed. */
export const MEMBERS: { key: DemoMemberKey; name: string; email: string | null; role: MemberRole }[] = [
  { key: "owner", name: "Dana Owner", email: null, role: "owner" },
  { key: "omar", name: "Omar Haddad", email: "omar@demo.connect-inbox.test", role: "agent" },
  { key: "elif", name: "Elif Yılmaz", email: "elif@demo.connect-inbox.test", role: "agent" },
];

export const CHANNELS = {
  website: { kind: "website", name: "Website", identifier: "example.com" },
  email: { kind: "email", name: "Email", identifier: "support@acme.example" },
} as const;

export type ChannelKey = keyof typeof CHANNELS;
export const CHANNEL_KEYS: ChannelKey[] = ["website", "email"];

export type DemoCustomer = {
  name: string;
  email: string;
  externalId: string;
  locale: Locale;
  phone?: string;
  metadata?: Record<string, string>;
};

export const CUSTOMERS: DemoCustomer[] = [
  {
    name: "Sarah Mitchell",
    email: "sarah.mitchell@example.com",
    externalId: "cus_10231",
    locale: "en",
    metadata: { plan: "Plus", city: "Manchester" },
  },
  {
    name: "James O'Connor",
    email: "james.oconnor@example.com",
    externalId: "cus_10248",
    locale: "en",
    phone: "+44 20 7946 0321",
  },
  { name: "Priya Raman", email: "priya.raman@example.org", externalId: "cus_10302", locale: "en" },
  {
    name: "Lucas Moreau",
    email: "lucas.moreau@example.net",
    externalId: "cus_10355",
    locale: "en",
    metadata: { city: "Lyon" },
  },
  { name: "Hannah Becker", email: "hannah.becker@example.com", externalId: "cus_10389", locale: "en" },
  {
    name: "Daniel Kim",
    email: "daniel.kim@example.com",
    externalId: "cus_10412",
    locale: "en",
    metadata: { plan: "Business", company: "Brightwave Studio Ltd" },
  },
  { name: "Olivia Brooks", email: "olivia.brooks@example.org", externalId: "cus_10437", locale: "en" },
  {
    name: "Marcus Webb",
    email: "marcus.webb@example.net",
    externalId: "cus_10460",
    locale: "en",
    phone: "+44 161 496 0752",
  },
  { name: "Chloe Adams", email: "chloe.adams@example.com", externalId: "cus_10488", locale: "en" },
  { name: "Tom Fischer", email: "tom.fischer@example.com", externalId: "cus_10519", locale: "en" },
  {
    name: "Layla Al-Masri",
    email: "layla.almasri@example.com",
    externalId: "cus_20117",
    locale: "ar",
    phone: "+971 50 123 4567",
    metadata: { city: "Dubai" },
  },
  { name: "Ahmed El-Sayed", email: "ahmed.elsayed@example.net", externalId: "cus_20142", locale: "ar" },
  {
    name: "Fatima Zahra Benali",
    email: "fz.benali@example.org",
    externalId: "cus_20168",
    locale: "ar",
    metadata: { city: "Casablanca" },
  },
  {
    name: "Khalid Al-Otaibi",
    email: "khalid.otaibi@example.com",
    externalId: "cus_20195",
    locale: "ar",
    phone: "+966 55 987 6543",
    metadata: { plan: "Plus", city: "Riyadh" },
  },
  { name: "Nour Haddad", email: "nour.h@example.net", externalId: "cus_20221", locale: "ar" },
  {
    name: "سارة القحطاني",
    email: "sara.alqahtani@example.com",
    externalId: "cus_20246",
    locale: "ar",
    metadata: { city: "الرياض" },
  },
  { name: "محمد العلي", email: "m.alali@example.org", externalId: "cus_20273", locale: "ar" },
  {
    name: "Mehmet Öztürk",
    email: "mehmet.ozturk@example.com",
    externalId: "cus_30108",
    locale: "tr",
    phone: "+90 532 555 01 23",
    metadata: { city: "İstanbul" },
  },
  {
    name: "İpek Işık",
    email: "ipek.isik@example.com",
    externalId: "cus_30131",
    locale: "tr",
    metadata: { plan: "Plus" },
  },
  { name: "Ayşe Çelik", email: "ayse.celik@example.net", externalId: "cus_30157", locale: "tr" },
  {
    name: "Emre Doğan",
    email: "emre.dogan@example.org",
    externalId: "cus_30182",
    locale: "tr",
    metadata: { city: "Ankara" },
  },
  { name: "Zeynep Şahin", email: "zeynep.sahin@example.com", externalId: "cus_30206", locale: "tr" },
  {
    name: "Burak Güneş",
    email: "burak.gunes@example.net",
    externalId: "cus_30233",
    locale: "tr",
    phone: "+90 216 555 47 80",
  },
  {
    name: "Gülşen Aydın",
    email: "gulsen.aydin@example.com",
    externalId: "cus_30259",
    locale: "tr",
    metadata: { city: "İzmir" },
  },
];

/** The customer of the "Bulk order history" conversation: one account, three languages. */
export const BULK_CUSTOMER: DemoCustomer = {
  name: "Global Traders Ltd",
  email: "orders@globaltraders.example",
  externalId: "acct_GT-0042",
  locale: "en",
  phone: "+971 4 555 0142",
  metadata: { plan: "Enterprise", offices: "Dubai, Istanbul, London", terms: "Net 45" },
};

export const BULK_SUBJECT = "Bulk order history";

export const TEMPLATE_KEYS = ["greeting", "orderNumber", "refund", "shipped", "closing"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATES: Record<TemplateKey, { name: string; content: Required<LocalizedText> }> = {
  greeting: {
    name: "Greeting",
    content: {
      en: "Hi {{customer.name}}, thanks for reaching out to {{workspace.name}}!",
      ar: "مرحبًا {{customer.name}}، شكرًا لتواصلك مع {{workspace.name}}!",
      tr: "Merhaba {{customer.name}}, {{workspace.name}} ile iletişime geçtiğiniz için teşekkürler!",
    },
  },
  orderNumber: {
    name: "Ask for order number",
    content: {
      en: "Could you share your order number, {{customer.name}}? You'll find it in your order confirmation email.",
      ar: "هل يمكنك تزويدنا برقم الطلب يا {{customer.name}}؟ ستجده في رسالة تأكيد الطلب المرسلة إلى بريدك الإلكتروني.",
      tr: "Sipariş numaranızı paylaşabilir misiniz {{customer.name}}? Numarayı sipariş onay e-postanızda bulabilirsiniz.",
    },
  },
  refund: {
    name: "Refund processed",
    content: {
      en: "Hi {{customer.name}}, your refund for order {{order.id}} has been processed. It usually appears on your statement within 5–10 business days.",
      ar: "مرحبًا {{customer.name}}، تمت معالجة استرداد المبلغ الخاص بالطلب {{order.id}}. يظهر المبلغ عادةً في كشف حسابك خلال 5 إلى 10 أيام عمل.",
      tr: "Merhaba {{customer.name}}, {{order.id}} numaralı siparişinizin iadesi işleme alındı. Tutar genellikle 5-10 iş günü içinde hesap özetinize yansır.",
    },
  },
  shipped: {
    name: "Order shipped",
    content: {
      en: "Good news, {{customer.name}}! Order {{order.id}} is on its way. You'll receive a tracking link by email shortly.",
      ar: "أخبار سارة يا {{customer.name}}! تم شحن الطلب {{order.id}} وهو في طريقه إليك، وستصلك رسالة تتضمن رابط التتبع قريبًا.",
      tr: "Müjde {{customer.name}}! {{order.id}} numaralı siparişiniz kargoya verildi. Kargo takip bağlantısı kısa süre içinde e-posta ile gönderilecek.",
    },
  },
  closing: {
    name: "Closing",
    content: {
      en: "Thanks for contacting {{workspace.name}}, {{customer.name}}. If anything else comes up, just reply to this message — we're happy to help.",
      ar: "شكرًا لتواصلك مع {{workspace.name}} يا {{customer.name}}. إذا احتجت إلى أي مساعدة أخرى، فما عليك سوى الرد على هذه الرسالة، ويسعدنا خدمتك دائمًا.",
      tr: "{{workspace.name}} ile iletişime geçtiğiniz için teşekkürler {{customer.name}}. Başka bir konuda yardıma ihtiyacınız olursa bu mesajı yanıtlamanız yeterli.",
    },
  },
};

// A draft-mode agent: asked from the inbox, its answer lands in the composer for a member to read
// before anything reaches the customer.
export const AI_AGENT = {
  name: "Acme Assistant",
  provider: "builtin",
  model: "builtin-retrieval",
  mode: "draft",
  isDefault: true,
  instructions: [
    "You are Acme Assistant, the first line of support for Acme, an online home and lifestyle store.",
    "Answer in the customer's language (English, Arabic or Turkish), briefly and politely.",
    "Use only what the help center and the conversation say: shipping takes 3–5 business days,",
    "returns are free within 30 days, refunds reach the card within 5–10 business days.",
    "Never promise refunds, replacements or discounts yourself; say a teammate will confirm.",
    "Hand the conversation to a human when the customer is upset or asks for one.",
  ].join("\n"),
} as const;

export type SystemEvent = "assigned" | "pending" | "resolved" | "reopened";

/** System lines in every locale, so each reader sees them in their own language. */
export function systemText(event: SystemEvent, memberName: string): Required<LocalizedText> {
  switch (event) {
    case "assigned":
      return {
        en: `Conversation assigned to ${memberName}`,
        ar: `أُسندت المحادثة إلى ${memberName}`,
        tr: `Konuşma şu kişiye atandı: ${memberName}`,
      };
    case "pending":
      return {
        en: `${memberName} marked the conversation as pending`,
        ar: `غيّر ${memberName} حالة المحادثة إلى «قيد الانتظار»`,
        tr: `${memberName} konuşmayı beklemeye aldı`,
      };
    case "resolved":
      return {
        en: `${memberName} resolved the conversation`,
        ar: `أغلق ${memberName} المحادثة بعد حلّ المشكلة`,
        tr: `${memberName} konuşmayı çözüldü olarak kapattı`,
      };
    case "reopened":
      return {
        en: "Conversation reopened by a new customer message",
        ar: "أُعيد فتح المحادثة بسبب رسالة جديدة من العميل",
        tr: "Müşterinin yeni mesajıyla konuşma yeniden açıldı",
      };
  }
}

// Dialogue text may use {order} (the conversation's order number), {name} (the customer's
// first name) and {agent} (the first name of the member who replies).
type Line = string | LocalizedText;
type TurnOptions = {
  /** Reply in the thread of the message just before (or of that message's thread). */
  thread?: boolean;
  /** A note by another member than the one handling the conversation. */
  colleague?: boolean;
  /** Comes a day or two after the message before it. */
  later?: boolean;
};

export type Turn =
  | ({ kind: "customer" | "member" | "note" | "ai"; text: Line } & TurnOptions)
  | { kind: "system"; event: SystemEvent }
  | ({ kind: "template"; template: TemplateKey } & TurnOptions);

const customer = (text: Line, options: TurnOptions = {}): Turn => ({ kind: "customer", text, ...options });
const member = (text: Line, options: TurnOptions = {}): Turn => ({ kind: "member", text, ...options });
const note = (text: Line, options: TurnOptions = {}): Turn => ({ kind: "note", text, ...options });
const ai = (text: Line): Turn => ({ kind: "ai", text });
const system = (event: SystemEvent): Turn => ({ kind: "system", event });
const template = (key: TemplateKey, options: TurnOptions = {}): Turn => ({
  kind: "template",
  template: key,
  ...options,
});

export type Scenario = {
  locale: Locale;
  /** The first subject is used the first time; a second use of the scenario takes the next. */
  subjects: [string, ...string[]];
  channel: ChannelKey;
  status: ConversationStatus;
  turns: Turn[];
};

const ORDER_DELAY_EN: Scenario = {
  locale: "en",
  subjects: ["Order {order} hasn't arrived", "Where is my parcel?"],
  channel: "website",
  status: "resolved",
  turns: [
    customer(
      "Hi, my order {order} was supposed to arrive on Monday and the tracking page hasn't updated since Friday. Can you check what's going on?",
    ),
    template("greeting"),
    member(
      "I can see the parcel left our warehouse on Friday, but the carrier hasn't scanned it since. Let me open a trace with them.",
    ),
    note("Carrier trace opened, reference TR-55120. They usually answer within 24 hours.", { thread: true }),
    customer("Okay, thanks. I need it before the weekend, it's a birthday present."),
    member(
      "Understood. I've flagged it as urgent with the carrier and I'll update you by tomorrow at noon at the latest.",
    ),
    member(
      "Update: the parcel was mis-sorted at the Leeds hub. It's been rerouted and is scheduled for delivery on Thursday.",
      { later: true },
    ),
    customer("Thursday works. Thank you for chasing it!"),
    template("closing"),
    system("resolved"),
  ],
};

const DAMAGED_REFUND_EN: Scenario = {
  locale: "en",
  subjects: ["Damaged lamp – refund please", "Item arrived broken"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "Hello, the ceramic lamp from order {order} arrived with a cracked base. I've attached photos. I'd like a refund rather than a replacement, please.",
    ),
    ai(
      "Hi! I'm Acme Assistant. I'm sorry your lamp arrived damaged. For damaged items you can choose a refund or a replacement — a teammate will review your photos and confirm the refund.",
    ),
    system("assigned"),
    member(
      "Hi {name}, I'm so sorry about that. Thanks for the photos — the damage is clear. Would you like the refund to go back to your original card?",
    ),
    customer("Yes, the original card is fine."),
    note("Damage claim approved. No return needed for items under €60, refund to card.", { thread: true }),
    member(
      "Perfect. There's no need to send the lamp back — please recycle it locally. I'm processing the refund now.",
    ),
    template("refund"),
    customer("That was quick, thank you. How long will it take to show up?", { thread: true }),
    member(
      "Usually 5–10 business days depending on your bank. If it hasn't appeared by then, reply here and I'll send you the transaction reference.",
      { thread: true },
    ),
    customer("Just confirming the refund arrived today. Thanks again!", { later: true }),
    member("Great to hear, {name}! Enjoy the rest of your week."),
    system("resolved"),
  ],
};

const LOGIN_EN: Scenario = {
  locale: "en",
  subjects: ["Can't log in after password reset", "Login keeps failing"],
  channel: "website",
  status: "pending",
  turns: [
    customer("I can't log in to my account. It keeps saying 'invalid password' even after I reset it."),
    ai(
      "Sorry you're having trouble signing in. Reset links expire after 30 minutes and only the most recent link works. Could you request a new link and use it right away?",
    ),
    customer("I did that twice. Still the same error."),
    member(
      "Hi {name}, {agent} here. I checked and there are two accounts with very similar emails — one of them has a typo (gmial.com). Which address do you use to sign in?",
    ),
    customer("Oh! Probably the typo one, I signed up on my phone."),
    note("The typo account holds the order history. Merge only after the customer confirms.", {
      colleague: true,
    }),
    member(
      "That explains it. I can merge both accounts so all your orders sit under the correct address. Shall I go ahead?",
    ),
  ],
};

const ADDRESS_CHANGE_EN: Scenario = {
  locale: "en",
  subjects: ["Change delivery address for {order}", "Wrong address on my order"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "Hi there, I just placed order {order} and realised it's going to my old address. Can you change it to 14 Harbour Street, Bristol BS1 4RN?",
    ),
    member(
      "Hi {name}, good catch! The order hasn't been packed yet, so I've updated the delivery address to 14 Harbour Street, Bristol BS1 4RN.",
    ),
    customer("Amazing, thank you. Will the delivery date change?"),
    member(
      "No, it's still expected on Wednesday. You'll get a new confirmation email with the updated address in a few minutes.",
    ),
    customer("Got it. Thanks!"),
    template("closing"),
  ],
};

const INVOICE_EN: Scenario = {
  locale: "en",
  subjects: ["VAT invoice for order {order}", "Invoice copy needed"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "Could you send me a VAT invoice for order {order}? Our accounts team needs it with our company name: Brightwave Studio Ltd, VAT GB 123 4567 89.",
    ),
    member(
      "Of course. I've generated the invoice with your company details and sent it to this address. Let me know if the accounts team needs anything else.",
    ),
    customer("Received, but the VAT number is missing the last two digits."),
    note("The invoice generator cuts VAT numbers longer than 11 characters — reported to the billing team.", {
      thread: true,
    }),
    member(
      "Apologies for that! I've corrected it by hand and sent a new copy — it now reads GB 123 4567 89.",
    ),
    customer("Perfect, that's the right one. Thanks."),
    system("resolved"),
  ],
};

const DOUBLE_CHARGE_EN: Scenario = {
  locale: "en",
  subjects: ["Charged twice this month", "Duplicate subscription payment"],
  channel: "website",
  status: "open",
  turns: [
    customer("I've been charged twice for my monthly subscription. Both charges are £12.99 on the 3rd."),
    member(
      "Hi {name}, I'm sorry about that. I can see two payment attempts on the 3rd; the second one should have been voided. Do both show as completed in your bank, or is one still pending?",
    ),
    customer("Both are completed, not pending. I've attached a screenshot of my banking app.", {
      thread: true,
    }),
    note("Confirmed in the payment dashboard: both charges captured. Needs a refund from billing."),
    note("I'll refund the second charge today.", { thread: true, colleague: true }),
    member(
      "Thanks for the screenshot. I've confirmed the duplicate charge and our billing team is refunding it — you'll hear from us within one business day.",
    ),
    customer("Okay. Please make sure it doesn't happen again next month."),
  ],
};

const PRESALES_EN: Scenario = {
  locale: "en",
  subjects: ["Nordic desk in 140 cm?", "Question about desk sizes"],
  channel: "website",
  status: "open",
  turns: [
    customer("Does the Nordic desk come in a 140 cm width? The site only shows 120 and 160."),
    ai(
      "The Nordic desk is currently available in 120 cm and 160 cm widths. A 140 cm version isn't in our catalogue at the moment.",
    ),
    member(
      "Hi {name}, just to add to that: a 140 cm version is planned for next month. I can let you know as soon as it's in stock if you'd like.",
    ),
    customer("Yes please, that would be great."),
  ],
};

const EXCHANGE_SAGA_EN: Scenario = {
  locale: "en",
  subjects: ["Exchange for order {order} (wrong size)", "Received the wrong size"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "Hi, I received order {order} today but the rain jacket is size L instead of M, which is what I ordered. The label on the bag says M but the jacket inside is L.",
    ),
    template("greeting"),
    member(
      "I'm sorry about the mix-up! Could you send a photo of the size label inside the jacket and the label on the bag? That helps our warehouse team find out what went wrong.",
    ),
    customer("Sure, here you go. Both photos attached."),
    note("Photos confirm a picking error — bag label M, jacket L. Reported to the warehouse.", {
      thread: true,
    }),
    member(
      "Thanks, that confirms it was a picking error on our side. I've arranged an exchange: a size M jacket goes out today, and the courier will collect the size L at the same time.",
    ),
    customer("Great. Do I need to print anything?"),
    member(
      "No printing needed — the courier brings the return label. Just have the jacket ready in any bag.",
    ),
    customer("The courier came but didn't have the new jacket with him. He only took the old one.", {
      later: true,
    }),
    member(
      "That's not how it should have gone, I'm sorry. Let me find out what happened to the replacement parcel.",
    ),
    note("Replacement parcel only shows 'label created' — it was never handed to the courier."),
    note("Warehouse says navy in M is out of stock. Only black and olive left.", {
      thread: true,
      colleague: true,
    }),
    member(
      "I've just heard back from our warehouse: the navy jacket in size M sold out before your replacement was packed. We have it in black or olive in size M. Would either of those work for you?",
    ),
    customer("Hmm, not really. I specifically wanted navy. When will it be back in stock?", { thread: true }),
    member(
      "Our supplier expects navy back in about three weeks. I can reserve one for you from the incoming stock, or refund you now — whichever you prefer.",
      { thread: true },
    ),
    customer("Can I get the refund now and you let me know when it's back? Then I'll just reorder."),
    member(
      "Absolutely. I'll refund the full amount including the original shipping, and I've added you to the restock alert for the navy jacket in size M.",
    ),
    template("refund"),
    customer("Thanks. The original order had a 10% discount code — will it still work when I reorder?"),
    note("Codes are single use. Can I create a personal replacement code?"),
    note("Yes, make it 15% for the trouble.", { thread: true, colleague: true }),
    member(
      "Discount codes are single use, but I've created a personal code for you as an apology: SORRY15 gives you 15% off your next order until the end of next month.",
    ),
    customer("That's really kind, thank you."),
    customer(
      "Hi again — I got the restock email, but the code SORRY15 says it's not valid for this product.",
      {
        later: true,
      },
    ),
    member(
      "Apologies, the code was limited to the wrong category. I've fixed it and it now works on the navy jacket. Could you try again?",
    ),
    customer("Worked perfectly. Order placed!"),
    template("closing"),
    system("resolved"),
  ],
};

const DATA_EXPORT_EN: Scenario = {
  locale: "en",
  subjects: ["Request for my personal data", "GDPR data request"],
  channel: "website",
  status: "pending",
  turns: [
    customer("Hi, I'd like a copy of all the personal data you hold about me, please."),
    member(
      "Hi {name}, certainly. For security we need to confirm the request comes from the account holder. Could you confirm the postcode of your last delivery?",
    ),
    customer("It's SW9 8QH."),
    note("Postcode matches. Export requested under Admin → Privacy, ready within 48 hours.", {
      thread: true,
    }),
    member(
      "Thank you, that matches our records. Your data export has been requested and you'll receive a secure download link by email within 48 hours.",
    ),
    system("pending"),
  ],
};

const DISCOUNT_CODE_EN: Scenario = {
  locale: "en",
  subjects: ["WELCOME15 code says expired", "Discount code not working"],
  channel: "website",
  status: "open",
  turns: [
    customer("The code WELCOME15 says it's expired, but I only got the email yesterday."),
    ai(
      "Welcome codes are valid for 14 days from sign-up and apply to full-price items only. If your basket contains sale items, the code won't apply to those.",
    ),
    customer("There are no sale items in my basket. It's just the linen bedding set."),
    note(
      "Marketing sent WELCOME15 with the wrong expiry date to this week's sign-ups — known issue, we're honouring it by hand.",
    ),
    customer("Hello? Is anyone there? I'd like to order today."),
  ],
};

const ORDER_DELAY_AR: Scenario = {
  locale: "ar",
  subjects: ["تأخر وصول الطلب {order}", "لم يصل طلبي بعد"],
  channel: "website",
  status: "resolved",
  turns: [
    customer(
      "السلام عليكم، كان من المفترض أن يصل الطلب {order} يوم الأحد، لكنه لم يصل حتى الآن. هل يمكنكم التحقق من الأمر؟",
    ),
    template("greeting"),
    member(
      "وعليكم السلام. نعتذر عن التأخير. تحققت من حالة الشحنة، ويبدو أنها محتجزة في مركز الفرز في دبي بسبب ضغط الطلبات في نهاية الموسم.",
    ),
    customer("ومتى تتوقعون وصولها؟ أحتاجها قبل نهاية الأسبوع.", { thread: true }),
    note("تواصلت مع شركة الشحن، ووعدوا بالتسليم خلال 48 ساعة.", { thread: true }),
    member(
      "تواصلنا مع شركة الشحن وأكدوا أن الطلب سيُسلَّم خلال يومين على الأكثر. سأتابع الأمر بنفسي وأبلغك بأي تحديث.",
    ),
    customer("وصل الطلب اليوم، شكرًا جزيلًا على المتابعة.", { later: true }),
    template("closing"),
    system("resolved"),
  ],
};

const REFUND_AR: Scenario = {
  locale: "ar",
  subjects: ["استرداد مبلغ الطلب الملغى {order}", "لم يُردّ المبلغ بعد الإلغاء"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "مرحبًا، ألغيت الطلب {order} قبل شحنه، ولكن المبلغ لم يُردّ إلى بطاقتي حتى الآن، مع أنه مضى على الإلغاء عشرة أيام.",
    ),
    member(
      "مرحبًا {name}، شكرًا لتواصلك معنا. تحققت من الطلب ووجدت أن الإلغاء تم بنجاح، إلا أن عملية الاسترداد لم تبدأ بسبب خطأ في النظام. أعتذر عن ذلك بشدة.",
    ),
    note("طلب الاسترداد عالق في حالة «بانتظار المراجعة». أعدت إرساله يدويًا.", { thread: true }),
    member("أعدت تفعيل طلب الاسترداد يدويًا، وسيظهر المبلغ في حسابك خلال 5 إلى 10 أيام عمل بحسب البنك."),
    customer(
      "شكرًا. هل يمكنكم إرسال تأكيد مكتوب باللغتين العربية والإنجليزية؟ فقسم المحاسبة في شركتنا يعمل بالإنجليزية.",
    ),
    member({
      ar: "بالتأكيد. نؤكد أنه تم رد كامل مبلغ الطلب {order} إلى وسيلة الدفع الأصلية اليوم.",
      en: "Certainly. We confirm that the full amount of order {order} was refunded to the original payment method today.",
    }),
    template("refund"),
    customer("ممتاز، هذا كل ما أحتاجه. شكرًا لكم."),
    system("resolved"),
  ],
};

const LOGIN_AR: Scenario = {
  locale: "ar",
  subjects: ["رمز التحقق لا يصل", "مشكلة في تسجيل الدخول"],
  channel: "website",
  status: "open",
  turns: [
    customer("لا أستطيع تسجيل الدخول إلى حسابي، فرمز التحقق لا يصل إلى هاتفي."),
    ai(
      "مرحبًا! أنا مساعد Acme. قد يتأخر وصول رمز التحقق بضع دقائق. تأكد من أن رقم هاتفك المسجَّل صحيح، ثم اطلب رمزًا جديدًا بعد مرور دقيقة واحدة على الأقل.",
    ),
    customer("انتظرت أكثر من عشر دقائق وطلبت الرمز ثلاث مرات دون جدوى."),
    system("assigned"),
    member(
      "مرحبًا {name}، معك {agent} من فريق الدعم. الرقم المسجَّل في حسابك ينتهي بـ 47، فهل هذا رقمك الحالي؟",
    ),
    customer("لا، غيّرت رقمي الشهر الماضي، والرقم الجديد ينتهي بـ 82.", { thread: true }),
  ],
};

const ADDRESS_CHANGE_AR: Scenario = {
  locale: "ar",
  subjects: ["تغيير عنوان التوصيل للطلب {order}", "تعديل عنوان الشحن"],
  channel: "email",
  status: "resolved",
  turns: [
    customer("أرجو تغيير عنوان التوصيل للطلب {order} إلى: شارع الملك فهد، عمارة 12، الشقة 4، الرياض."),
    member("مرحبًا {name}، تم تحديث عنوان التوصيل إلى العنوان الجديد، ولم يتغير موعد التسليم المتوقع."),
    customer("شكرًا. وهل يمكن أن يتصل بي المندوب قبل وصوله؟"),
    note("أضفت ملاحظة لشركة الشحن: الاتصال بالعميل قبل التسليم بنصف ساعة.", { thread: true }),
    member("بالتأكيد، أضفنا ملاحظة لشركة الشحن كي يتصل بك المندوب قبل وصوله بنصف ساعة تقريبًا."),
    customer("ممتاز، شكرًا جزيلًا."),
    template("closing"),
  ],
};

const INVOICE_AR: Scenario = {
  locale: "ar",
  subjects: ["طلب فاتورة ضريبية للطلب {order}", "نسخة من الفاتورة"],
  channel: "email",
  status: "pending",
  turns: [
    customer("مساء الخير، أحتاج إلى نسخة من الفاتورة الضريبية للطلب {order} باسم مؤسسة النخيل للتجارة."),
    member(
      "مساء النور يا {name}، يسعدني مساعدتك. هل يمكنك تزويدي بالرقم الضريبي للمؤسسة حتى يظهر في الفاتورة؟",
    ),
    customer("الرقم الضريبي هو 300123456700003."),
    note("تعديل اسم المشتري في الفاتورة الضريبية يحتاج إلى موافقة القسم المالي.", { colleague: true }),
    member(
      "شكرًا لك. أرسلت الطلب إلى القسم المالي لإصدار الفاتورة بالبيانات الجديدة، وسنرسلها إليك فور اعتمادها. هل تفضّل استلامها على البريد الإلكتروني نفسه؟",
    ),
  ],
};

const WARRANTY_AR: Scenario = {
  locale: "ar",
  subjects: ["السماعة اليسرى لا تعمل", "استبدال سماعات ضمن الضمان"],
  channel: "website",
  status: "resolved",
  turns: [
    customer(
      "مرحبًا، اشتريت سماعات لاسلكية من متجركم قبل شهرين (الطلب {order})، والآن توقفت السماعة اليسرى عن العمل تمامًا.",
    ),
    ai(
      "نأسف لسماع ذلك. جرّب أولًا إعادة ضبط السماعات: ضعها في العلبة واضغط على زر العلبة مدة 15 ثانية حتى يومض الضوء باللون الأبيض، ثم أعد إقرانها بهاتفك.",
    ),
    customer("جربت إعادة الضبط مرتين ولم تتغير النتيجة."),
    system("assigned"),
    member(
      "مرحبًا {name}، معك {agent}. شكرًا لتجربة هذه الخطوات. هل تظهر السماعة اليسرى في إعدادات البلوتوث، أم أنها لا تعمل حتى عند وضعها في العلبة للشحن؟",
    ),
    customer("لا يضيء مؤشر الشحن فيها إطلاقًا، بينما يعمل مؤشر السماعة اليمنى بشكل طبيعي.", { thread: true }),
    note("على الأرجح عطل في البطارية، والمنتج ضمن فترة الضمان (سنة واحدة).", { thread: true }),
    member(
      "يبدو أن المشكلة في بطارية السماعة اليسرى، والجهاز ما زال ضمن فترة الضمان، لذا سنستبدله لك مجانًا.",
    ),
    customer("ممتاز. هل عليّ أن أرسله إليكم؟"),
    member(
      "لا داعي لذلك، سيأتي مندوبنا لاستلام السماعات القديمة وتسليمك الجديدة في الزيارة نفسها. ما الموعد المناسب لك هذا الأسبوع؟",
    ),
    customer("يوم الأربعاء بعد الساعة الخامسة مساءً يناسبني."),
    note("حُجز موعد الاستلام يوم الأربعاء من الخامسة إلى الثامنة مساءً.", { thread: true, colleague: true }),
    member("تم حجز الموعد يوم الأربعاء بين الخامسة والثامنة مساءً، وسيتصل بك المندوب قبل وصوله."),
    system("resolved"),
    customer("وصل المندوب لكنه لم يُحضر السماعات الجديدة، وقال إنه مكلَّف بالاستلام فقط.", { later: true }),
    system("reopened"),
    member(
      "أعتذر بشدة عن هذا الخطأ. تبيّن أن أمر الاستبدال سُجِّل على أنه إرجاع فقط. صحّحت الطلب، وستُشحن السماعات الجديدة اليوم بأولوية في التوصيل.",
    ),
    template("shipped"),
    customer("وصلت السماعات الجديدة وتعمل بشكل ممتاز. شكرًا على المتابعة.", { later: true }),
    template("closing"),
    system("resolved"),
  ],
};

const RAMADAN_HOURS_AR: Scenario = {
  locale: "ar",
  subjects: ["مواعيد العمل في رمضان", "استفسار عن أوقات الدعم"],
  channel: "website",
  status: "resolved",
  turns: [
    customer("ما مواعيد عمل خدمة العملاء خلال شهر رمضان؟"),
    ai(
      "خلال شهر رمضان، يعمل فريق خدمة العملاء من العاشرة صباحًا حتى الرابعة عصرًا، ومن التاسعة مساءً حتى الواحدة بعد منتصف الليل بتوقيت الرياض.",
    ),
    customer("وهل يتوفر التوصيل في أيام العيد؟"),
    member("أهلًا {name}. يتوقف التوصيل في أول يومين من العيد فقط، ثم يُستأنف بشكل طبيعي. كل عام وأنت بخير!"),
  ],
};

const ORDER_DELAY_TR: Scenario = {
  locale: "tr",
  subjects: ["{order} numaralı sipariş hâlâ gelmedi", "Kargom nerede?"],
  channel: "website",
  status: "resolved",
  turns: [
    customer(
      'Merhaba, {order} numaralı siparişim 3 gün önce kargoya verildi ama takip sayfasında hâlâ "Transfer merkezinde" yazıyor. Bir sorun mu var?',
    ),
    template("greeting"),
    member(
      "Siparişinizi kontrol ettim, paketiniz İstanbul aktarma merkezinde bekliyor. Kargo firmasıyla hemen iletişime geçiyorum.",
    ),
    note("Kargo firmasında şikâyet kaydı açıldı: 88231. Yarın öğlene kadar dönüş bekleniyor.", {
      thread: true,
    }),
    customer("Teşekkürler. Hafta sonundan önce elime ulaşması çok önemli."),
    member(
      "Anlıyorum. Kargo firması paketinizin yarın dağıtıma çıkacağını onayladı. Takip numaranız aynı kalıyor.",
    ),
    customer("Paket bugün geldi, ilginiz için çok teşekkür ederim!", { later: true }),
    template("closing"),
  ],
};

const RETURN_TR: Scenario = {
  locale: "tr",
  subjects: ["Ayakkabı iadesi ({order})", "İade talebi"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "İyi günler, {order} numaralı siparişimdeki ayakkabı bana küçük geldi. Değişim yerine iade etmek istiyorum.",
    ),
    member(
      "İyi günler {name}, iade talebinizi aldım. Ürünü orijinal kutusunda, faturasıyla birlikte göndermeniz yeterli. Sizin için ücretsiz iade kodu oluşturuyorum.",
    ),
    customer("Kodu nerede bulabilirim?", { thread: true }),
    member(
      "İade kodunuz: IAD-4471. Herhangi bir kargo şubesinde bu kodu söyleyerek ürünü ücretsiz gönderebilirsiniz.",
      { thread: true },
    ),
    customer("Ürünü bugün kargoya verdim.", { later: true }),
    note("Ürün depoya ulaştı ve kontrol edildi: kullanılmamış, iade onaylandı.", { colleague: true }),
    template("refund"),
    customer("Param ne zaman hesabıma geçer?"),
    member(
      'Bankanıza bağlı olarak 5-10 iş günü içinde kartınıza yansır. Ekstrenizde "Acme" adıyla görünecektir.',
    ),
    customer("Tamamdır, teşekkürler."),
    system("resolved"),
  ],
};

const ACCOUNT_LOCKED_TR: Scenario = {
  locale: "tr",
  subjects: ["Hesabım kilitlendi", "Giriş yapamıyorum"],
  channel: "website",
  status: "open",
  turns: [
    customer('Hesabıma giriş yapamıyorum, "Hesabınız geçici olarak kilitlendi" uyarısı çıkıyor.'),
    ai(
      'Merhaba! Ben Acme Asistanı. Art arda birkaç hatalı giriş denemesinden sonra hesaplar güvenlik nedeniyle 30 dakika kilitlenir. Bu süre dolduktan sonra "Şifremi unuttum" bağlantısıyla yeni bir şifre belirleyebilirsiniz.',
    ),
    customer("Bir saattir bekliyorum, hâlâ aynı uyarıyı görüyorum."),
    note("Kilit 24 saatlik görünüyor; şüpheli giriş denemeleri yüzünden olabilir. Güvenlik ekibine sordum."),
    customer("Lütfen yardımcı olur musunuz? Siparişimi takip etmem gerekiyor."),
  ],
};

const ADDRESS_CHANGE_TR: Scenario = {
  locale: "tr",
  subjects: ["Teslimat adresi değişikliği", "{order} için adres güncelleme"],
  channel: "email",
  status: "resolved",
  turns: [
    customer(
      "Merhaba, {order} numaralı siparişin teslimat adresini değiştirmek istiyorum. Yeni adres: Bağdat Caddesi No: 214 D: 7, Kadıköy/İstanbul.",
    ),
    member(
      "Merhaba {name}, siparişiniz henüz paketlenmediği için adresi güncelleyebildim. Yeni adres: Bağdat Caddesi No: 214 D: 7, Kadıköy/İstanbul.",
    ),
    customer(
      "Çok iyi. Eşim Türkçe bilmiyor ve paketi kapıda o teslim alacak. Teslimat bilgisini İngilizce de yazabilir misiniz?",
    ),
    member({
      tr: "Elbette. Tahmini teslimat perşembe günü 10:00-14:00 arasında; kurye gelmeden önce arayacak.",
      en: "Of course. Delivery is expected on Thursday between 10:00 and 14:00; the courier will call before arriving.",
    }),
    customer("Harika, teşekkür ederim."),
    template("closing"),
  ],
};

const INVOICE_TR: Scenario = {
  locale: "tr",
  subjects: ["Kurumsal fatura talebi", "{order} faturası şirket adına"],
  channel: "email",
  status: "pending",
  turns: [
    customer(
      "Merhaba, {order} numaralı siparişin faturasını şirketimiz adına kesebilir misiniz? Unvan: Deniz Mimarlık Ltd. Şti., vergi no: 6470123458, vergi dairesi: Kadıköy.",
    ),
    member(
      "Merhaba {name}, tabii ki. Faturayı kurumsal bilgilerinizle yeniden düzenleyip e-posta ile göndereceğim.",
    ),
    note("Mevcut e-faturanın iptali için muhasebenin onayı gerekiyor.", { thread: true }),
    member(
      "Faturanız bireysel olarak düzenlendiği için önce mevcut e-faturanın iptal edilmesi gerekiyor. Muhasebe ekibimiz onayladıktan sonra yeni faturayı size ileteceğim; bu işlem 1-2 iş günü sürebilir.",
    ),
    system("pending"),
  ],
};

const BROKEN_MACHINE_TR: Scenario = {
  locale: "tr",
  subjects: ["Kahve makinesi hasarlı geldi", "Eksik parça ve değişim"],
  channel: "website",
  status: "resolved",
  turns: [
    customer(
      "Merhaba, dün teslim aldığım kahve makinesinin su haznesi çatlak geldi. Sipariş numarası {order}.",
    ),
    template("greeting"),
    member(
      "Yaşadığınız sorun için özür dileriz. Çatlağın ve ürün kutusunun dış görünümünün fotoğrafını paylaşabilir misiniz?",
    ),
    customer("Fotoğrafları ekledim. Kutu dışarıdan sağlam görünüyordu.", { thread: true }),
    note("Kutu sağlamsa üretim hatası olabilir, üreticiye de bildirelim.", { thread: true }),
    member(
      "Fotoğraflar için teşekkürler. Kutu sağlam olduğuna göre sorun büyük ihtimalle üretimden kaynaklanıyor. Size yeni bir makine gönderiyoruz; eskisini kurye teslimat sırasında alacak.",
    ),
    customer("Çok iyi olur. Ne zaman gelir?"),
    member("Yeni makine yarın kargoya verilecek, tahmini teslimat süresi 2 iş günü."),
    template("shipped", { later: true }),
    system("resolved"),
    customer("Yeni makine geldi ama bu sefer süt köpürtme başlığı kutudan çıkmadı.", { later: true }),
    system("reopened"),
    member("Çok üzgünüm, bu gerçekten can sıkıcı. Eksik parçayı hemen ayrı bir gönderiyle yolluyorum."),
    note("Depoda bu modelin köpürtme başlığı kalmamış, tedarikçiden 5 iş günü içinde gelecek."),
    note("Müşteriye 250 TL'lik hediye çeki tanımlayabiliriz, onaylıyorum.", {
      thread: true,
      colleague: true,
    }),
    member(
      "Bu parça depomuzda şu an tükenmiş; tedarikçimizden 5 iş günü içinde gelecek. Gecikme için hesabınıza 250 TL'lik hediye çeki tanımladım.",
    ),
    customer("Hediye çeki için ayrıca teşekkürler. Parça gelince haber verir misiniz?"),
    member("Elbette. Parça depomuza ulaştığı gün size kargo takip numarasıyla birlikte yazacağım."),
    member("Müjde, köpürtme başlığı bugün kargoya verildi. Takip numarası: 7312 4490 18.", { later: true }),
    customer("Parça geldi, makine sorunsuz çalışıyor. İlginiz için çok teşekkürler!"),
    template("closing"),
    system("resolved"),
  ],
};

const CAMPAIGN_TR: Scenario = {
  locale: "tr",
  subjects: ["Black Friday indirimi mağazada geçerli mi?", "Kampanya sorusu"],
  channel: "website",
  status: "resolved",
  turns: [
    customer("Black Friday indirimi mağazadaki ürünlerde de geçerli mi?"),
    ai(
      "Black Friday indirimleri yalnızca online siparişlerde geçerlidir. Mağaza kampanyaları için size en yakın mağazayla iletişime geçebilirsiniz.",
    ),
    customer("Anladım. Kargo ücretsiz mi peki?"),
    member(
      "Merhaba {name}, 500 TL ve üzeri siparişlerde kargo ücretsiz; kampanya boyunca bu sınır 250 TL'ye düşürüldü.",
    ),
  ],
};

/** In the order the first 24 conversations use them; the rest reuse them from the start. */
export const SCENARIOS: Scenario[] = [
  ORDER_DELAY_EN,
  ORDER_DELAY_AR,
  ORDER_DELAY_TR,
  DAMAGED_REFUND_EN,
  REFUND_AR,
  RETURN_TR,
  LOGIN_EN,
  LOGIN_AR,
  ACCOUNT_LOCKED_TR,
  ADDRESS_CHANGE_EN,
  ADDRESS_CHANGE_AR,
  ADDRESS_CHANGE_TR,
  INVOICE_EN,
  INVOICE_AR,
  INVOICE_TR,
  EXCHANGE_SAGA_EN,
  WARRANTY_AR,
  BROKEN_MACHINE_TR,
  DOUBLE_CHARGE_EN,
  RAMADAN_HOURS_AR,
  CAMPAIGN_TR,
  PRESALES_EN,
  DATA_EXPORT_EN,
  DISCOUNT_CODE_EN,
];

/** The demo workspace's labels; the scenarios below carry them. */
export const LABELS = {
  shipping: { name: "Shipping", color: "blue" },
  billing: { name: "Billing", color: "amber" },
  returns: { name: "Returns", color: "teal" },
  account: { name: "Account", color: "indigo" },
  vip: { name: "VIP", color: "purple" },
  bug: { name: "Bug", color: "red" },
} as const satisfies Record<string, { name: string; color: string }>;
export type LabelKey = keyof typeof LABELS;

/** The labels every conversation told from a scenario carries. */
export const SCENARIO_LABELS: ReadonlyMap<Scenario, LabelKey[]> = new Map<Scenario, LabelKey[]>([
  [ORDER_DELAY_EN, ["shipping"]],
  [ORDER_DELAY_AR, ["shipping"]],
  [ORDER_DELAY_TR, ["shipping"]],
  [DAMAGED_REFUND_EN, ["returns", "billing"]],
  [REFUND_AR, ["billing"]],
  [RETURN_TR, ["returns"]],
  [LOGIN_EN, ["account"]],
  [LOGIN_AR, ["account"]],
  [ACCOUNT_LOCKED_TR, ["account"]],
  [ADDRESS_CHANGE_EN, ["shipping"]],
  [ADDRESS_CHANGE_AR, ["shipping"]],
  [ADDRESS_CHANGE_TR, ["shipping"]],
  [INVOICE_EN, ["billing"]],
  [INVOICE_AR, ["billing"]],
  [INVOICE_TR, ["billing"]],
  [EXCHANGE_SAGA_EN, ["returns", "vip"]],
  [WARRANTY_AR, ["returns"]],
  [BROKEN_MACHINE_TR, ["returns", "vip"]],
  [DOUBLE_CHARGE_EN, ["billing", "bug"]],
  [DATA_EXPORT_EN, ["account"]],
  [DISCOUNT_CODE_EN, ["billing", "bug"]],
]);

// The bulk conversation is stitched from these exchanges: a request from one of the
// customer's offices and the answer to it. Index i means the same thing in every locale,
// so a reply can also go out in a second language. Slots: {po} purchase order,
// {qty} quantity, {product}, {city}, {city2}, {day}, {weeks}.
export type BulkExchange = { customer: string; member: string; ai?: string };

export const BULK_EXCHANGES: Record<Locale, BulkExchange[]> = {
  en: [
    {
      customer: "Please confirm receipt of purchase order {po} for {qty} units of {product}.",
      member: "Received, thank you. {po} is confirmed for {qty} units of {product}.",
    },
    {
      customer: "Can you share the expected dispatch date for {po}?",
      member: "{po} is scheduled to leave our warehouse on {day}.",
      ai: "Purchase order {po} is confirmed and waiting to be picked. A teammate will confirm the exact dispatch date.",
    },
    {
      customer: "We need to add {qty} units of {product} to {po}. Is that still possible?",
      member: "Yes — we've added {qty} units of {product} to {po}.",
    },
    {
      customer: "The delivery for {po} arrived in {city} this morning. All cartons checked, good condition.",
      member: "Thanks for confirming — glad everything arrived safely.",
    },
    {
      customer: "Could you send the commercial invoice and packing list for {po}?",
      member: "The commercial invoice and packing list for {po} are attached.",
    },
    {
      customer: "Payment for {po} was sent today by bank transfer.",
      member: "Thank you. We'll confirm as soon as the payment for {po} reaches our account.",
    },
    {
      customer: "Customs in {city} are asking for the certificate of origin for {po}.",
      member:
        "We've requested the certificate of origin for {po} from the chamber of commerce; you'll have it within two working days.",
    },
    {
      customer: "Is there a volume discount if we order more of the {product}?",
      member: "Orders above {qty} units of {product} qualify for a 7% volume discount.",
    },
    {
      customer: "Please hold {po} until further notice — our client has postponed the project.",
      member: "{po} is on hold. We'll keep the goods reserved for up to 30 days.",
    },
    {
      customer: "You can release {po} now. Thanks for holding it.",
      member: "{po} is released and will be picked tomorrow morning.",
    },
    {
      customer: "Tracking for {po} hasn't moved for two days. Can you check with the forwarder?",
      member: "The forwarder confirms {po} cleared customs in {city}; delivery is expected on {day}.",
    },
    {
      customer: "What's the current lead time for {product}?",
      member: "Lead time for {product} is currently {weeks} weeks.",
      ai: "Based on the current schedule, {product} ships within {weeks} weeks of order confirmation.",
    },
    {
      customer: "Our warehouse in {city} reports three damaged cartons in {po}. Photos to follow.",
      member: "Sorry about the damaged cartons. We'll ship replacements with the next consolidated shipment.",
    },
    {
      customer: "Please split {po} into two shipments: half to {city} and half to {city2}.",
      member: "{po} has been split as requested; you'll receive two tracking numbers.",
    },
  ],
  ar: [
    {
      customer: "نرجو تأكيد استلام أمر الشراء {po}، وهو يشمل {qty} وحدة من {product}.",
      member: "تم الاستلام، شكرًا لكم. تم تأكيد {po} بعدد {qty} وحدة من {product}.",
    },
    {
      customer: "ما موعد الشحن المتوقع لأمر الشراء {po}؟",
      member: "من المقرر أن يغادر {po} مستودعنا يوم {day}.",
      ai: "تم تأكيد أمر الشراء {po} وهو بانتظار التجهيز، وسيؤكد لكم أحد أعضاء الفريق موعد الشحن بالتحديد.",
    },
    {
      customer: "نود إضافة {qty} وحدة من {product} إلى {po}. هل ما زال ذلك ممكنًا؟",
      member: "نعم، أضفنا {qty} وحدة من {product} إلى {po}.",
    },
    {
      customer: "وصلت شحنة {po} إلى مستودعنا في {city} صباح اليوم، وجميع الكراتين بحالة جيدة.",
      member: "شكرًا على التأكيد، يسعدنا أن الشحنة وصلت بحالة جيدة.",
    },
    {
      customer: "نرجو إرسال الفاتورة التجارية وقائمة التعبئة الخاصة بـ {po}.",
      member: "مرفق الفاتورة التجارية وقائمة التعبئة الخاصة بـ {po}.",
    },
    {
      customer: "حوّلنا اليوم قيمة {po} عبر حوالة بنكية.",
      member: "شكرًا لكم. سنؤكد لكم فور وصول قيمة {po} إلى حسابنا.",
    },
    {
      customer: "تطلب الجمارك في {city} شهادة المنشأ الخاصة بـ {po}.",
      member: "طلبنا شهادة المنشأ الخاصة بـ {po} من الغرفة التجارية، وسنرسلها خلال يومي عمل.",
    },
    {
      customer: "هل يوجد خصم إذا طلبنا كمية أكبر من {product}؟",
      member: "تحصل الطلبات التي تتجاوز {qty} وحدة من {product} على خصم كمية بنسبة 7%.",
    },
    {
      customer: "نرجو تعليق أمر الشراء {po} حتى إشعار آخر، فقد أجّل عميلنا المشروع.",
      member: "تم تعليق {po}، وسنحتفظ بالبضاعة محجوزة لمدة أقصاها 30 يومًا.",
    },
    {
      customer: "يمكنكم الآن الإفراج عن {po}. شكرًا على الانتظار.",
      member: "تم الإفراج عن {po}، وسيُجهَّز صباح الغد.",
    },
    {
      customer: "لم تتحرك حالة تتبع {po} منذ يومين. هل يمكنكم مراجعة شركة الشحن؟",
      member: "أكدت شركة الشحن أن {po} اجتاز الجمارك في {city}، والتسليم متوقع يوم {day}.",
    },
    {
      customer: "ما مدة توريد {product} حاليًا؟",
      member: "تبلغ مدة توريد {product} حاليًا {weeks} أسابيع.",
      ai: "وفقًا للجدول الحالي، يُشحن {product} خلال {weeks} أسابيع من تأكيد الطلب.",
    },
    {
      customer: "أبلغنا مستودعنا في {city} بوجود ثلاث كراتين تالفة في {po}، وسنرسل الصور لاحقًا.",
      member: "نعتذر عن الكراتين التالفة، وسنشحن البدائل مع الشحنة المجمَّعة القادمة.",
    },
    {
      customer: "نرجو تقسيم {po} إلى شحنتين: نصفها إلى {city} والنصف الآخر إلى {city2}.",
      member: "قسّمنا {po} كما طلبتم، وسيصلكم رقما تتبع منفصلان.",
    },
  ],
  tr: [
    {
      customer: "{po} numaralı satın alma siparişinin ({qty} adet {product}) alındığını teyit eder misiniz?",
      member: "Teşekkürler, {po} onaylandı: {qty} adet {product}.",
    },
    {
      customer: "{po} için tahmini sevk tarihi nedir?",
      member: "{po} {day} günü depomuzdan çıkacak.",
      ai: "{po} numaralı sipariş onaylandı ve hazırlanmayı bekliyor. Kesin sevk tarihini ekibimizden biri iletecek.",
    },
    {
      customer: "{po} siparişine {qty} adet daha {product} eklemek istiyoruz. Hâlâ mümkün mü?",
      member: "Evet, {po} siparişine {qty} adet {product} ekledik.",
    },
    {
      customer: "{po} bu sabah {city} deposuna ulaştı, tüm koliler kontrol edildi ve sağlam.",
      member: "Teyit için teşekkürler, sevkiyatın sorunsuz ulaşmasına sevindik.",
    },
    {
      customer: "{po} için ticari fatura ve çeki listesini gönderebilir misiniz?",
      member: "{po} için ticari fatura ve çeki listesi ektedir.",
    },
    {
      customer: "{po} ödemesi bugün havale ile yapıldı.",
      member: "Teşekkürler, {po} ödemesi hesabımıza geçer geçmez size teyit edeceğiz.",
    },
    {
      customer: "{city} gümrüğü {po} için menşe şahadetnamesi istiyor.",
      member: "{po} için menşe şahadetnamesini ticaret odasından talep ettik, iki iş günü içinde ileteceğiz.",
    },
    {
      customer: "Daha fazla {product} sipariş edersek toplu alım indirimi var mı?",
      member: "{qty} adedin üzerindeki {product} siparişlerinde %7 toplu alım indirimi uygulanıyor.",
    },
    {
      customer:
        "Müşterimiz projeyi erteledi, {po} siparişini ikinci bir bildirime kadar bekletmenizi rica ederiz.",
      member: "{po} beklemeye alındı. Ürünleri 30 güne kadar sizin için ayırıyoruz.",
    },
    {
      customer: "{po} siparişini artık serbest bırakabilirsiniz, beklettiğiniz için teşekkürler.",
      member: "{po} serbest bırakıldı, yarın sabah hazırlanacak.",
    },
    {
      customer: "{po} kargo takibi iki gündür değişmedi. Nakliye firmasıyla görüşebilir misiniz?",
      member:
        "Nakliye firması {po} siparişinin {city} gümrüğünden çıktığını bildirdi, teslimat {day} günü bekleniyor.",
    },
    {
      customer: "{product} için güncel tedarik süresi nedir?",
      member: "{product} için güncel tedarik süresi {weeks} hafta.",
      ai: "Mevcut plana göre {product}, sipariş onayından sonra {weeks} hafta içinde sevk edilir.",
    },
    {
      customer:
        "{city} depomuz {po} siparişinde üç hasarlı koli olduğunu bildirdi, fotoğrafları birazdan göndereceğiz.",
      member: "Hasarlı koliler için özür dileriz, yenilerini bir sonraki konsolide sevkiyatla göndereceğiz.",
    },
    {
      customer:
        "{po} siparişini iki sevkiyata bölebilir misiniz? Yarısı {city}, yarısı {city2} adresine gitsin.",
      member: "{po} istediğiniz gibi ikiye bölündü, iki ayrı takip numarası alacaksınız.",
    },
  ],
};

export const BULK_NOTES: Record<Locale, string[]> = {
  en: [
    "Credit limit check for {po}: OK.",
    "Reminder: Global Traders pays on 45-day terms.",
    "Flagged {po} for the weekly logistics call.",
    "Forwarder quote for {po} is 8% higher than last month — check with procurement.",
  ],
  ar: [
    "تم التحقق من الحد الائتماني لأمر الشراء {po}، ولا توجد مشكلة.",
    "أُدرج {po} في جدول اجتماع الشحن الأسبوعي.",
    "تذكير: تسدد Global Traders فواتيرها خلال 45 يومًا.",
  ],
  tr: [
    "{po} için kredi limiti kontrol edildi, sorun yok.",
    "{po} haftalık lojistik toplantısının gündemine eklendi.",
    "Hatırlatma: Global Traders 45 gün vadeli ödüyor.",
  ],
};

export const BULK_PRODUCTS: Required<LocalizedText>[] = [
  {
    en: "stainless steel water bottles",
    ar: "قوارير مياه من الفولاذ المقاوم للصدأ",
    tr: "paslanmaz çelik su şişesi",
  },
  { en: "cotton tote bags", ar: "حقائب قماشية قطنية", tr: "pamuklu bez çanta" },
  { en: "bamboo cutting boards", ar: "ألواح تقطيع من الخيزران", tr: "bambu kesme tahtası" },
  { en: "LED desk lamps", ar: "مصابيح مكتب LED", tr: "LED masa lambası" },
  { en: "ceramic mugs", ar: "أكواب سيراميك", tr: "seramik kupa" },
  { en: "wool blankets", ar: "بطانيات صوف", tr: "yün battaniye" },
];

export const BULK_CITIES: Required<LocalizedText>[] = [
  { en: "Dubai", ar: "دبي", tr: "Dubai" },
  { en: "Istanbul", ar: "إسطنبول", tr: "İstanbul" },
  { en: "London", ar: "لندن", tr: "Londra" },
  { en: "Rotterdam", ar: "روتردام", tr: "Rotterdam" },
  { en: "Jeddah", ar: "جدة", tr: "Cidde" },
];

export const BULK_DAYS: Required<LocalizedText>[] = [
  { en: "Monday", ar: "الاثنين", tr: "pazartesi" },
  { en: "Tuesday", ar: "الثلاثاء", tr: "salı" },
  { en: "Wednesday", ar: "الأربعاء", tr: "çarşamba" },
  { en: "Thursday", ar: "الخميس", tr: "perşembe" },
  { en: "Sunday", ar: "الأحد", tr: "pazar" },
];
