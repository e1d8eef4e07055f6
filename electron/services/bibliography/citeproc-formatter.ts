import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItemData } from '../../../shared/model/csl.ts';

/** The slice of citeproc-js's engine Folio drives (citeproc ships no types). */
interface CiteprocEngine {
  updateItems(ids: string[]): string[];
  makeBibliography(section?: { page_start: true | string; page_length: number }): [BibMeta, string[]] | false;
  registry: { getSortedIds(): string[] };
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
}

interface BibMeta {
  bibstart: string;
  bibend: string;
  entry_ids: Array<string | string[]>;
}

interface CslPluginConfig {
  engine(data: CslItemData[], style: string, locale: string, format: string): CiteprocEngine;
  styles: { has(name: string): boolean; add(name: string, xml: string): void; set(name: string, xml: string): void };
}

export interface BibliographyJob {
  /** Name the style is registered under with citation-js. */
  template: string;
  /** CSL XML for a style citation-js does not bundle; registered on first use. */
  styleXml: string | null;
  items: CslItemData[];
  output: 'text' | 'html';
}

export interface BibliographyOutput {
  text: string;
  count: number;
}

/** Entries per makeBibliography page: a progress report after each. */
const PAGE = 100;

function cslConfig(): CslPluginConfig {
  return plugins.config.get('@csl') as CslPluginConfig;
}

/**
 * A formatted bibliography, run through citeproc-js in pages so the caller
 * hears how far it got. Slow (5-10 ms an entry): run it in a worker.
 */
export function formatBibliography(job: BibliographyJob, onProgress: (done: number, total: number) => void = () => undefined): BibliographyOutput {
  const config = cslConfig();
  if (job.styleXml !== null) config.styles.set(job.template, job.styleXml);
  else if (!config.styles.has(job.template)) throw new Error(`Unknown citation style "${job.template}"`);
  const total = job.items.length;
  if (total === 0) return { text: '', count: 0 };
  onProgress(0, total);
  const engine = config.engine(job.items, job.template, 'en-US', job.output);
  engine.opt.development_extensions.wrap_url_and_doi = job.output === 'html';
  engine.updateItems(job.items.map((i) => String(i.id)));
  const entries: string[] = [];
  let start: true | string = true;
  let meta: BibMeta | null = null;
  while (entries.length < total) {
    const result = engine.makeBibliography({ page_start: start, page_length: PAGE });
    if (!result || result[1].length === 0) break;
    meta ??= result[0];
    entries.push(...result[1]);
    const lastId = result[0].entry_ids.at(-1);
    start = String(Array.isArray(lastId) ? lastId[0] : lastId);
    onProgress(entries.length, total);
  }
  const body = entries.join('');
  const text = job.output === 'html' ? `${meta?.bibstart ?? ''}${body}${meta?.bibend ?? ''}` : body;
  return { text, count: entries.length };
}
