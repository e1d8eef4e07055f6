import { execFileSync } from 'node:child_process';
import type { PdfRect } from '../../shared/model/annotation.ts';

/** A word as poppler's `pdftotext -bbox` places it, turned into PDF user space (origin bottom-left). */
export interface PlacedWord {
  text: string;
  box: PdfRect;
}

/** The words of every page of a PDF file, by an independent tool (poppler-utils), for checking geometry Folio computes. */
export function popplerWords(file: string): PlacedWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0);
    return [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      box: [Number(m[1]), height - Number(m[4]), Number(m[3]), height - Number(m[2])] as PdfRect,
    }));
  });
}
