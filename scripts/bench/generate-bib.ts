// Realistic synthetic BibTeX for benchmarks: accents, braces, several authors, 1,200-character abstracts.
const FAMILIES = ['Müller', 'García', 'Nguyễn', 'Østergaard', 'Łukasiewicz', 'Schölkopf', 'Hinton', 'Bengio', 'LeCun', 'Vaswani', 'Dvořák', 'Ångström', 'Søgaard', 'Zhang', 'Kim', 'Papadopoulos', "O'Neil", 'van der Maaten', 'de la Cruz', 'Smith'];
const GIVEN = ['Anna', 'José', 'François', 'Jürgen', 'Zoë', 'Björn', 'Chloé', 'Ilya', 'Yoshua', 'Geoffrey', 'Noam', 'Ashish', 'Łucja', 'Søren', 'Emily'];
const WORDS = ['attention', 'transformer', 'diffusion', 'scaling', 'reasoning', 'alignment', 'retrieval', 'contrastive', 'graph', 'sparse', 'efficient', 'robust', 'multimodal', 'language', 'vision', 'reinforcement', 'learning', 'generalization', 'benchmark', 'instruction', 'tuning', 'federated', 'causal', 'neural', 'latent', 'policy', 'optimization', 'kernel', 'Bayesian', 'inference'];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'ACL', 'CVPR', 'Journal of Machine Learning Research', 'Transactions on Machine Learning Research', 'EMNLP'];
const LOREM = 'We study the problem of learning representations that generalise beyond the training distribution, with émphasis on robustness, calibration and efficiency. Our method combines a {Transformer} encoder with a contrastive objective and a lightweight adapter; it matches strong baselines at a fraction of the cost. ';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

export function generateEntry(i: number, r: () => number): string {
  const authors = Array.from({ length: 1 + Math.floor(r() * 6) }, () => `${pick(r, FAMILIES)}, ${pick(r, GIVEN)}`).join(' and ');
  const title = Array.from({ length: 4 + Math.floor(r() * 6) }, () => pick(r, WORDS)).join(' ');
  const year = 1995 + Math.floor(r() * 31);
  let abstract = '';
  while (abstract.length < 1200) abstract += LOREM;
  abstract = abstract.slice(0, 1200);
  const kind = r() < 0.6 ? 'article' : 'inproceedings';
  const venueField = kind === 'article' ? 'journal' : 'booktitle';
  return `@${kind}{gen${i},
  title = {{${title[0]?.toUpperCase()}${title.slice(1)}}: A Study of \\"{o}ver-{P}arameterised Models},
  author = {${authors}},
  ${venueField} = {${pick(r, VENUES)}},
  year = {${year}},
  month = ${pick(r, ['jan', 'feb', 'mar', 'jun', 'sep', 'dec'])},
  pages = {${1 + i % 900}--${10 + i % 900}},
  doi = {10.5555/gen.${i}},
  abstract = {${abstract}}
}
`;
}

export function generateBib(count: number, seed = 42): string {
  const r = rng(seed);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(generateEntry(i, r));
  return parts.join('\n');
}
