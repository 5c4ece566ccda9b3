import { type Position, type Range, TextDocument } from 'vscode-languageserver-textdocument';

export type { Position, Range };

/**
 * LSP positions of a text (zero-based line, character in UTF-16 code units, line breaks `\n`,
 * `\r\n` and `\r`): the implementation of vscode-languageserver-textdocument, the one VS Code's
 * own language servers use, so the engine and the editor count the same way.
 */
export type Positions = Pick<TextDocument, 'positionAt' | 'offsetAt' | 'lineCount'>;

export function positionsOf(text: string): Positions {
  return TextDocument.create('', '', 0, text);
}

export function rangeOf(positions: Positions, start: number, end: number): Range {
  return { start: positions.positionAt(start), end: positions.positionAt(end) };
}

/** Offset where a zero-based line starts (the text's length past the last line). */
export function lineStart(positions: Positions, line: number): number {
  return positions.offsetAt({ line, character: 0 });
}
