/** The cite commands offered next to "Copy \cite{}": natbib's and biblatex's common ones. */
export const CITE_COMMANDS = ['cite', 'citep', 'citet', 'autocite', 'parencite', 'textcite'] as const;
