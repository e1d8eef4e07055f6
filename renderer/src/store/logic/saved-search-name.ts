/** A name to start from for a new saved search: the query itself, short enough for the sidebar, not yet taken. */
export function suggestedName(query: string, taken: readonly string[]): string {
  const base = query.trim().replace(/\s+/g, ' ').slice(0, 40).trim() || 'Saved search';
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base} (${n})`;
  return name;
}
