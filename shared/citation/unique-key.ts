/** Suffix number n (1-based) as a, b, ..., z, aa, ab, ... (bijective base 26). */
export function keySuffix(n: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/**
 * `base` when it is free, else the first free of base+a, base+b, ...,
 * base+z, base+aa, base+ab ... Deterministic, and it only ever names the new
 * item: existing keys are never touched.
 */
export function uniqueKey(base: string, taken: (key: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = base + keySuffix(n);
    if (!taken(candidate)) return candidate;
  }
}
