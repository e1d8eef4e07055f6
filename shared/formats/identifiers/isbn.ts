/** ISBN checksums and the ISBN-10 to ISBN-13 conversion. */

export function isValidIsbn10(digits: string): boolean {
  if (!/^\d{9}[\dX]$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = digits[i]!;
    sum += (10 - i) * (c === 'X' ? 10 : Number(c));
  }
  return sum % 11 === 0;
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

export function isValidIsbn13(digits: string): boolean {
  return /^97[89]\d{10}$/.test(digits) && isbn13CheckDigit(digits.slice(0, 12)) === digits[12];
}

/**
 * The ISBN-13 digits of an ISBN written with or without hyphens/spaces, or null when the
 * checksum fails. ISBN-10s are converted (prefix 978, new check digit).
 */
export function normalizeIsbn(text: string): string | null {
  const digits = text.replace(/^\s*ISBN(?:-1[03])?\s*:?\s*/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (digits.length === 13) return isValidIsbn13(digits) ? digits : null;
  if (digits.length === 10 && isValidIsbn10(digits)) {
    const first12 = `978${digits.slice(0, 9)}`;
    return first12 + isbn13CheckDigit(first12);
  }
  return null;
}
