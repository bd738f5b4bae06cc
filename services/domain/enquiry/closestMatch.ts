/** Edit distance, to offer "did you mean …?" for a mistyped dataset or role. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The candidate closest to `typed`, if it is close enough to be a plausible typo. */
export function closestMatch<T>(typed: string, candidates: readonly T[], spellings: (candidate: T) => readonly string[]): T | undefined {
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const spelling of spellings(candidate)) {
      const distance = editDistance(typed, spelling);
      if (!best || distance < best.distance) best = { candidate, distance };
    }
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 3)) ? best.candidate : undefined;
}
