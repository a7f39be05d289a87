// "Mente du …?": the closest known name to a misspelt one, by edit distance.

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that scales with the name's length, if any. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The closest candidate at most `limit` edits away that is not `found` itself (candidates are
 * compared as written; `found` in lower case). Used for misspelt keywords.
 */
export function closest(found: string, candidates: Iterable<string>, limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const word of candidates) {
    const distance = editDistance(found.toLowerCase(), word);
    if (distance < bestDistance && word !== found) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}
