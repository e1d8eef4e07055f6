import type { CslName } from '../../model/csl.ts';

/** `Family, Given, Suffix` as RIS writes names; a name without a comma (an organisation) stays literal. */
export function parseRisName(value: string): CslName | null {
  const text = value.trim();
  if (text === '') return null;
  const comma = text.indexOf(',');
  if (comma < 0) return { literal: text };
  const family = text.slice(0, comma).trim();
  const rest = text.slice(comma + 1);
  const second = rest.indexOf(',');
  const given = (second < 0 ? rest : rest.slice(0, second)).trim();
  const suffix = second < 0 ? '' : rest.slice(second + 1).trim();
  const name: CslName = {};
  if (family) name.family = family;
  if (given) name.given = given;
  if (suffix) name.suffix = suffix;
  return family || given ? name : null;
}

export function formatRisName(name: CslName): string | null {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  if (!family && !given) return null;
  // "Family," (with the comma) keeps a family-only name from reading back as an organisation.
  const base = given ? `${family}, ${given}` : `${family},`;
  return name.suffix ? `${family}, ${given}, ${name.suffix}` : base;
}
