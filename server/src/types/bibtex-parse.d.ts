// bibtex-parse ships no type declarations.
declare module 'bibtex-parse' {
  /** The items of a .bib file (strings, preambles, comments, entries), as an AST. Throws a SyntaxError on malformed input. */
  export function parse(text: string, options?: { number?: 'auto' | 'number' | 'bigint' | 'string' }): unknown[];
}
