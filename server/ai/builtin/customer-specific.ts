// A member's reply in a resolved conversation was written for one customer. Reused as the
// built-in agent's answer to another, it may only carry what holds for everyone (a policy,
// how-to steps); a reply about that customer's own case (their name, order, amount, date, or
// something done or promised for them) is left out, since it would be a false promise or a leak.

const CONTACT = [
  /\S+@\S+\.\S+/u,
  // Order, card, phone and tracking numbers; full dates and long amounts ("1,299.00", "12/05/2025").
  /\p{N}(?:[\s\-./,]?\p{N}){3,}/u,
];

const ORDER_REFERENCE = [
  /#\s?[\p{L}\p{N}]*\p{N}/u,
  /\b[A-Z]{1,5}-?\d{2,}\b/u,
  /\b(?:order|invoice|ticket|tracking|case)\s+(?:number\s+|no\.?\s*)?\d+/iu,
  /(?:sipariş|siparis|fatura)\s+(?:no\.?\s*|numaras[ıi]\s+)?\d+/iu,
  /(?:طلب|فاتورة|شحنة)\s*(?:رقم)?\s*[\p{N}]+/u,
];

const AMOUNT = [
  /[$€£₺¥₹﷼]\s?\p{N}|\p{N}\s?[$€£₺¥₹﷼]/u,
  /\p{N}\s?(?:usd|eur|gbp|try|tl|sar|aed|egp|dollars?|euros?|pounds?|lira|liras)\b/iu,
  /\b(?:usd|eur|gbp|try|sar|aed)\s?\p{N}/iu,
  /\p{N}\s*(?:ريال|درهم|دولار|يورو|ليرة|جنيه|دينار)/u,
];

const DATE = [
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+\d{1,2}(?:st|nd|rd|th)?\b/iu,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu,
  /(?<!\p{N})(?!24\/7)\d{1,2}(?:\/\d{1,2}|\.\d{2})(?!\p{N})/u,
  /\b(?:today|tomorrow|yesterday|tonight|this (?:morning|afternoon|evening)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/iu,
  /(?<!\p{L})(?:bugün|yarın|dün|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)(?!\p{L})/iu,
  /(?:^|\s)(?:اليوم|غدا|غدًا|أمس|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)(?:\s|$|[.,،])/u,
];

// Something done, or promised, for that customer: "I've refunded…", "your refund has been issued".
const COMMITMENT = [
  /\b(?:i|we)(?:'ve|’ve| have| had)?\s+(?:just\s+|already\s+|now\s+)?(?:refunded|issued|processed|credited|approved|cancell?ed|reshipped|re-sent|sent you|arranged|booked|escalated)\b/iu,
  /\b(?:i|we)(?:'ll|’ll| will)\s+(?:personally\s+|now\s+)?(?:refund you|issue|process|credit|approve|cancel|reship|send you)\b/iu,
  /\byour\s+(?:\p{L}+\s+){0,2}(?:has|have|was|were)\s+(?:just\s+|already\s+)?been\s+(?:refunded|issued|processed|credited|approved|cancell?ed|reshipped|shipped|sent)\b/iu,
  /(?<!\p{L})(?:(?:iade|iptal)\s+(?:ettim|ettik|edildi|edilmiştir)|gönderdim|gönderdik|onayladım|onayladık|onaylandı|yatırdık|yatırıldı)(?!\p{L})/iu,
  /(?:^|\s)و?(?:تم|تمت|قمت|قمنا)\s/u,
];

// A greeting or thanks with a capitalized word after it names the customer it was written to.
const NAMED_GREETING =
  /(?<!\p{L})(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Ss]orry|[Mm]erhaba|[Ss]ayın)[,!]?\s+\p{Lu}\p{Ll}+/u;

export type PastCustomer = { name: string | null; email: string | null };

/** Whether a reply written for `customer` is about their own case rather than true for anyone. */
export function isCustomerSpecific(text: string, customer: PastCustomer | undefined): boolean {
  const patterns = [...CONTACT, ...ORDER_REFERENCE, ...AMOUNT, ...DATE, ...COMMITMENT, NAMED_GREETING];
  if (patterns.some((pattern) => pattern.test(text))) return true;
  const names = [customer?.name ?? "", customer?.email ?? "", ...(customer?.name?.split(/\s+/u) ?? [])];
  const lower = text.toLocaleLowerCase();
  return names.some((name) => name.length >= 3 && lower.includes(name.toLocaleLowerCase()));
}
