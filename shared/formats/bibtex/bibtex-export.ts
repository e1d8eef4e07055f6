import type { BibtexField } from '../../model/bibtex-source.ts';
import type { Item } from '../../model/item.ts';
import { cslVariableOfField } from './bibtex-fields.ts';
import { entryTypeOf } from './bibtex-types.ts';
import { fieldsFromCsl, type BibtexDialect } from './csl-to-bibtex.ts';
import { inlineMacros, macroNamesIn, referencedKeys } from './bibtex-raw-values.ts';

export type { BibtexDialect } from './csl-to-bibtex.ts';

export interface BibtexExportOptions {
  dialect: BibtexDialect;
  /** Finds an item outside the exported set by key, so crossref/xdata parents can be added. */
  resolveKey?: (key: string) => Item | undefined;
  /** The item's crossref/xdata references, if the caller memoises them (auto-export does, per item object). */
  referencesOf?: (item: Item) => ReadonlyArray<{ field: string; key: string }>;
}

export interface BibtexExportResult {
  text: string;
  warnings: string[];
}

/**
 * The fields to write: the imported source verbatim, except fields whose CSL
 * variable the user edited. Those are rewritten from CSL where the first of
 * them stood (a variable the source lacked goes at the end). An item never
 * imported is written from CSL.
 */
export function exportFields(item: Item, dialect: BibtexDialect): BibtexField[] {
  const source = item.source;
  if (!source) return fieldsFromCsl(item.csl, dialect);
  const edited = item.editedFields;
  if (!edited || edited.length === 0) return source.fields;
  const editedSet = new Set(edited);
  const placed = new Set<string>();
  const fresh = new Set<BibtexField>();
  const out: BibtexField[] = [];
  const rewrite = (variable: string): void => {
    placed.add(variable);
    for (const f of fieldsFromCsl(item.csl, dialect, new Set([variable]))) {
      fresh.add(f);
      out.push(f);
    }
  };
  for (const f of source.fields) {
    const variable = cslVariableOfField(f.name, item.csl.type);
    if (variable === undefined || !editedSet.has(variable)) out.push(f);
    else if (!placed.has(variable)) rewrite(variable);
  }
  for (const variable of editedSet) if (!placed.has(variable)) rewrite(variable);
  // A rewritten field may carry the name of a kept one (a type change moves `number`); the rewrite wins.
  const freshNames = new Set([...fresh].map((f) => f.name.toLowerCase()));
  return out.filter((f) => fresh.has(f) || !freshNames.has(f.name.toLowerCase()));
}

function entryType(item: Item, dialect: BibtexDialect): string {
  if (item.source && !item.editedFields?.includes('type')) return item.source.entryType;
  return entryTypeOf(item.csl, dialect);
}

function formatEntry(item: Item, dialect: BibtexDialect, inline?: ReadonlyMap<string, string>): string {
  // Joining an array beats += here: 50,000 entries build ~80 MB of text.
  const lines = [`@${entryType(item, dialect)}{${item.citationKey},\n`];
  for (const f of exportFields(item, dialect)) {
    lines.push(`  ${f.name} = ${inline ? inlineMacros(f.raw, inline) : f.raw},\n`);
  }
  lines.push('}\n');
  return lines.join('');
}

/** One entry's text, without the @string and @preamble blocks it may need; for per-item caching. */
export function exportBibtexEntry(item: Item, dialect: BibtexDialect): string {
  return formatEntry(item, dialect);
}

/** Keys bibtex or biber cannot read back: they end at whitespace or a comma, and braces break the entry. */
const UNWRITABLE_KEY = /[\s,{}]/;

/**
 * What a .bib file holds, before any entry is serialised: the @preamble/@string
 * blocks, the entries in file order, and the entries that need their @string
 * values written in. Auto-export assembles the same file from cached entries.
 */
export interface BibtexExportPlan {
  header: string[];
  ordered: Item[];
  inlineFor: ReadonlyMap<Item, ReadonlyMap<string, string>>;
  warnings: string[];
}

/** One entry's text as exportBibtex writes it for this plan. */
export function planEntryText(plan: BibtexExportPlan, item: Item, dialect: BibtexDialect): string {
  return formatEntry(item, dialect, plan.inlineFor.get(item));
}

/** Entries (and header blocks) are separated by one blank line. */
export const BIBTEX_PART_SEPARATOR = '\n';

/**
 * A .bib file for these items: @preamble and @string blocks first, then the
 * entries, with crossref/xdata parents after their children (bibtex only
 * inherits from a parent it has not yet read). Keys are written as they are;
 * a repeated key is skipped with a warning.
 */
export function exportBibtex(items: Item[], options: BibtexExportOptions): BibtexExportResult {
  const plan = planBibtexExport(items, options);
  const parts = [...plan.header];
  for (const item of plan.ordered) parts.push(planEntryText(plan, item, options.dialect));
  return { text: parts.join(BIBTEX_PART_SEPARATOR), warnings: plan.warnings };
}

export function planBibtexExport(items: Item[], options: BibtexExportOptions): BibtexExportPlan {
  const warnings: string[] = [];
  const chosen: Item[] = [];
  const byKey = new Map<string, Item>();
  const add = (item: Item): boolean => {
    const key = item.citationKey;
    if (key === '' || UNWRITABLE_KEY.test(key)) {
      warnings.push(`"${key}": a key with spaces, commas or braces cannot be written; entry skipped`);
      return false;
    }
    // bibtex compares keys ignoring case ("Repeated entry"), so case variants count as repeats.
    const lower = key.toLowerCase();
    const other = byKey.get(lower);
    if (other) {
      if (other !== item) warnings.push(`"${key}": the key is used twice (also "${other.citationKey}"); the second entry was skipped`);
      return false;
    }
    byKey.set(lower, item);
    chosen.push(item);
    return true;
  };
  items.forEach(add);

  // Parents outside the exported set come in through resolveKey; parents of parents too.
  const referrers = new Map<Item, Item[]>();
  for (let i = 0; i < chosen.length; i++) {
    const child = chosen[i];
    if (!child?.source) continue;
    for (const ref of options.referencesOf ? options.referencesOf(child) : referencedKeys(child.source.fields)) {
      let parent = byKey.get(ref.key.toLowerCase());
      if (!parent) {
        const found = options.resolveKey?.(ref.key);
        if (found && found.citationKey.toLowerCase() === ref.key.toLowerCase() && add(found)) {
          parent = found;
        } else {
          warnings.push(`"${child.citationKey}": ${ref.field} "${ref.key}" is not in the library; the entry will lack what it inherits`);
          continue;
        }
      }
      if (parent !== child) referrers.set(parent, [...(referrers.get(parent) ?? []), child]);
    }
  }
  const ordered = orderParentsLast(chosen, referrers);

  const preambles = new Set<string>();
  const macros = new Map<string, { name: string; raw: string }>();
  const inlineFor = new Map<Item, Map<string, string>>();
  for (const item of ordered) {
    for (const p of item.source?.preambles ?? []) preambles.add(p);
    const own = item.source?.macros;
    if (!own) continue;
    for (const [name, raw] of Object.entries(own)) {
      const lower = name.toLowerCase();
      const known = macros.get(lower);
      if (!known) macros.set(lower, { name, raw });
      else if (known.raw !== raw) {
        // Two files define the same @string differently: this entry gets its own value written in.
        const inline = inlineFor.get(item) ?? new Map<string, string>(Object.entries(own).map(([n, r]) => [n.toLowerCase(), r]));
        inlineFor.set(item, inline);
        warnings.push(`"${item.citationKey}": @string "${name}" is defined differently elsewhere; its value was written into the entry`);
      }
    }
  }

  const header: string[] = [];
  for (const p of preambles) header.push(`@preamble{${p}}\n`);
  if (macros.size > 0) header.push(definitionOrder(macros).map((m) => `@string{${m.name} = ${m.raw}}\n`).join(''));
  return { header, ordered, inlineFor, warnings };
}

/**
 * The @strings in the order they were met, except that each comes after the ones its value uses:
 * bibtex expands a @string when it reads it, so `@string{b = a # " x"}` before `@string{a = …}`
 * leaves b undefined. A library may hold an item's macros in any order (older library.json files
 * sorted them by name), so the order is worked out here, not trusted.
 */
function definitionOrder(macros: ReadonlyMap<string, { name: string; raw: string }>): Array<{ name: string; raw: string }> {
  const out: Array<{ name: string; raw: string }> = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (lower: string): void => {
    const macro = macros.get(lower);
    if (!macro || placed.has(lower) || visiting.has(lower)) return;
    visiting.add(lower);
    for (const used of macroNamesIn(macro.raw)) place(used.toLowerCase());
    visiting.delete(lower);
    placed.add(lower);
    out.push(macro);
  };
  for (const lower of macros.keys()) place(lower);
  return out;
}

/**
 * Stable order in which every parent comes after all entries that reference
 * it: sort by the length of the longest referrer chain above each entry.
 */
function orderParentsLast(items: Item[], referrers: Map<Item, Item[]>): Item[] {
  if (referrers.size === 0) return items;
  const depth = new Map<Item, number>();
  const visiting = new Set<Item>();
  const depthOf = (item: Item): number => {
    const known = depth.get(item);
    if (known !== undefined) return known;
    if (visiting.has(item)) return 0; // a crossref cycle: bibtex cannot resolve it anyway
    visiting.add(item);
    let d = 0;
    for (const r of referrers.get(item) ?? []) d = Math.max(d, depthOf(r) + 1);
    visiting.delete(item);
    depth.set(item, d);
    return d;
  };
  const indexed = items.map((item, index) => ({ item, index, depth: depthOf(item) }));
  indexed.sort((a, b) => a.depth - b.depth || a.index - b.index);
  return indexed.map((e) => e.item);
}
