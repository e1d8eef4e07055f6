import { FolioError } from '../api/api-error.ts';
import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES, type CslItemData } from '../model/csl.ts';

const NAME_VARS = new Set<string>(CSL_NAME_VARIABLES);
const DATE_VARS = new Set<string>(CSL_DATE_VARIABLES);
const NAME_PARTS = new Set(['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix']);

function invalid(field: string, why: string): never {
  throw new FolioError('INVALID_ARGUMENT', `Field "${field}": ${why}`, { field });
}

function checkNames(field: string, value: unknown): void {
  if (!Array.isArray(value)) invalid(field, 'expected a list of names');
  value.forEach((name, i) => {
    if (typeof name !== 'object' || name === null || Array.isArray(name)) invalid(field, `name ${i + 1} is not an object`);
    for (const [part, text] of Object.entries(name)) {
      if (!NAME_PARTS.has(part)) invalid(field, `name ${i + 1} has an unknown part "${part}"`);
      if (typeof text !== 'string') invalid(field, `name ${i + 1} part "${part}" must be text`);
    }
  });
}

function checkDate(field: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(field, 'expected a CSL date object');
  const parts = (value as { 'date-parts'?: unknown })['date-parts'];
  if (parts === undefined) return;
  const ok = Array.isArray(parts) && parts.every((p) => Array.isArray(p) && p.length <= 3 && p.every((n) => typeof n === 'number' || typeof n === 'string'));
  if (!ok) invalid(field, 'date-parts must be [[year, month?, day?]]');
  const [year, month, day] = (parts as Array<Array<number | string>>)[0] ?? [];
  if (year !== undefined && !Number.isFinite(Number(year))) invalid(field, `year "${year}" is not a number`);
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) invalid(field, `month ${month} is out of range`);
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) invalid(field, `day ${day} is out of range`);
}

/**
 * Applies a CSL patch (null removes a variable) and returns the new data and
 * the variables that really changed.
 */
export function applyCslPatch(csl: CslItemData, patch: Record<string, unknown>): { csl: CslItemData; changed: string[] } {
  const next: CslItemData = { ...csl };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (field === '__proto__' || field === 'constructor' || field === 'prototype') invalid(field, 'not a CSL variable');
    if (value === null || value === undefined || value === '') {
      if (field === 'type') invalid(field, 'an item must have a type');
      if (field in next) {
        delete next[field];
        changed.push(field);
      }
      continue;
    }
    if (field === 'type' && typeof value !== 'string') invalid(field, 'must be text');
    if (NAME_VARS.has(field)) checkNames(field, value);
    else if (DATE_VARS.has(field)) checkDate(field, value);
    else if (typeof value !== 'string' && typeof value !== 'number') invalid(field, 'must be text or a number');
    if (JSON.stringify(next[field]) !== JSON.stringify(value)) {
      next[field] = value;
      changed.push(field);
    }
  }
  return { csl: next, changed };
}
