// Okapi BM25 over the workspace's saved answers. Small corpora (tens to a few thousand
// documents) are ranked in memory per run: no index to keep in sync with edits.

const K1 = 1.2;
const B = 0.75;

export type RankedDocument<T> = {
  document: T;
  /** BM25 score: comparable only within one ranking. */
  score: number;
  /** Distinct question terms found in this document. */
  matched: number;
  /** Distinct question terms found anywhere in the corpus. */
  known: number;
};

function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Ranks documents (each with its search terms and a unique key for stable ties) against a
 * question's terms, best first. Deterministic: equal scores order by key.
 */
export function rankBm25<T>(
  question: string[],
  documents: { terms: string[]; key: string; document: T }[],
): RankedDocument<T>[] {
  const queryTerms = [...new Set(question)];
  if (queryTerms.length === 0 || documents.length === 0) return [];
  const indexed = documents.map((d) => ({ ...d, counts: termCounts(d.terms), length: d.terms.length }));
  const n = indexed.length;
  const averageLength = indexed.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const df = indexed.filter((d) => d.counts.has(term)).length;
    // The "+1" form stays positive for a term in every document, which small corpora need.
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const known = queryTerms.filter((term) => indexed.some((d) => d.counts.has(term))).length;

  const ranked = indexed.map((d) => {
    let score = 0;
    let matched = 0;
    for (const term of queryTerms) {
      const tf = d.counts.get(term) ?? 0;
      if (tf === 0) continue;
      matched++;
      const weight = idf.get(term) ?? 0;
      score += (weight * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * d.length) / averageLength));
    }
    return { document: d.document, key: d.key, score, matched, known };
  });
  ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.filter((r) => r.score > 0).map(({ key: _key, ...rest }) => rest);
}
