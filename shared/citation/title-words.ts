import { keyAlnum } from './ascii-fold.ts';

/**
 * Words a key never takes from a title: articles, prepositions and
 * conjunctions in English and the languages researchers cite most.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but of on in into onto for from to towards toward at by with within without via about above ' +
    'across after against along among around as before behind below beneath beside between beyond during except ' +
    'inside like near off over past per since than through under until up upon versus vs is are be its some so yet ' +
    'der die das des dem den ein eine einer eines einem einen und zu zum zur von vom mit im auf ' +
    'le la les un une des du et en au aux sur pour par ' +
    'el los las y del al uno una il lo gli di da dei degli della delle e o'
  ).split(' '),
);

/** The title's significant words, ASCII-folded, in order (words of other scripts drop out). */
export function significantWords(title: string): string[] {
  const out: string[] = [];
  for (const word of title.replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u)) {
    const folded = keyAlnum(word);
    if (folded !== '' && !STOPWORDS.has(folded.toLowerCase())) out.push(folded);
  }
  return out;
}
