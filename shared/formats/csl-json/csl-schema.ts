import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES } from '../../model/csl.ts';
import { dateProblem } from './csl-dates.ts';

/** Item types of CSL 1.0.2 (and the 1.0.1 names still in use). */
export const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

const NAME_VARIABLES = new Set<string>([
  ...CSL_NAME_VARIABLES, 'chair', 'compiler', 'contributor', 'curator', 'editorial-director', 'executive-producer', 'guest',
  'host', 'narrator', 'organizer', 'performer', 'producer', 'script-writer', 'series-creator',
]);
const DATE_VARIABLES = new Set<string>([...CSL_DATE_VARIABLES, 'available-date']);
const NAME_PARTS = ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameProblem(variable: string, value: unknown): string | null {
  if (!Array.isArray(value)) return `"${variable}" must be a list of names`;
  for (const [i, name] of value.entries()) {
    if (!isRecord(name)) return `"${variable}" name ${i + 1} is not an object`;
    for (const part of NAME_PARTS) {
      if (name[part] !== undefined && typeof name[part] !== 'string') return `"${variable}" name ${i + 1} has a non-text "${part}"`;
    }
    if (!NAME_PARTS.some((p) => typeof name[p] === 'string' && name[p] !== '')) return `"${variable}" name ${i + 1} is empty`;
  }
  return null;
}

function datePartsProblem(variable: string, parts: unknown): string | null {
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2) return `"${variable}" date-parts must hold one date or a range of two`;
  for (const date of parts) {
    if (!Array.isArray(date) || date.length < 1 || date.length > 3) return `"${variable}" date-parts entries must be [year, month?, day?]`;
    const numbers = date.map((p) => (typeof p === 'string' && /^-?\d+$/.test(p.trim()) ? Number(p) : p));
    if (!numbers.every((p): p is number => typeof p === 'number' && Number.isInteger(p))) return `"${variable}" date-parts must be whole numbers`;
    const [year, month, day] = numbers;
    // Months 21-24 are seasons (spring .. winter) in CSL-JSON.
    if (month !== undefined && month >= 21 && month <= 24 && day === undefined) continue;
    const problem = dateProblem(year!, month, day);
    if (problem) return `"${variable}" is an impossible date: ${problem}`;
  }
  return null;
}

function dateProblemOf(variable: string, value: unknown): string | null {
  if (!isRecord(value)) return `"${variable}" must be a date object with "date-parts", "raw" or "literal"`;
  if (value['date-parts'] !== undefined) return datePartsProblem(variable, value['date-parts']);
  for (const key of ['raw', 'literal']) if (value[key] !== undefined && typeof value[key] === 'string') return null;
  return `"${variable}" has neither "date-parts" nor a "raw" or "literal" text`;
}

/** Why `value` is not a CSL-JSON item Folio can import, or null when it is one. */
export function cslItemProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not an object';
  if (value.type === undefined) return 'has no "type"';
  if (typeof value.type !== 'string' || !CSL_TYPES.has(value.type)) return `unknown CSL type ${JSON.stringify(value.type)}`;
  if (value.title !== undefined && typeof value.title !== 'string') return '"title" must be text';
  for (const [variable, v] of Object.entries(value)) {
    if (NAME_VARIABLES.has(variable)) {
      const problem = nameProblem(variable, v);
      if (problem) return problem;
    } else if (DATE_VARIABLES.has(variable)) {
      const problem = dateProblemOf(variable, v);
      if (problem) return problem;
    }
  }
  return null;
}
