import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** One replacement, in the offsets of the text before it: `deleted` characters at `start` became `inserted` characters. */
interface Replacement {
  /** The version the replacement produced. */
  version: number;
  start: number;
  deleted: number;
  inserted: number;
}

/** Enough for any realistic gap between an analysis and the text a hover is asked about. */
const MAX_REPLACEMENTS = 2000;

/**
 * The edits of open documents since each version, so that a result computed for an older version
 * can answer a hover or a quick fix about the current text without waiting for a new analysis:
 * offsets are carried across the edits between the two versions, and anything inside an edited
 * region has no counterpart.
 */
export class DocumentEdits {
  private readonly log = new Map<string, Replacement[]>();

  /** The `TextDocuments` configuration that records every incremental change as it is applied. */
  readonly documents = {
    create: (uri: string, languageId: string, version: number, content: string) => {
      this.log.set(uri, []);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      const replacements = this.log.get(document.uri) ?? [];
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          replacements.push({ version, start, deleted: document.offsetAt(change.range.end) - start, inserted: change.text.length });
        } else {
          replacements.push({ version, start: 0, deleted: document.getText().length, inserted: change.text.length });
        }
        TextDocument.update(document, [change], version);
      }
      if (replacements.length > MAX_REPLACEMENTS) replacements.splice(0, replacements.length - MAX_REPLACEMENTS);
      this.log.set(document.uri, replacements);
      return document;
    },
  };

  forget(uri: string): void {
    this.log.delete(uri);
  }

  /**
   * Where a span of version `from` is in version `to` (later or earlier), or undefined when any of
   * its text was replaced in between (or the edits between them are no longer known). A span of
   * length 0 is a point: text inserted right at it moves it along.
   */
  mapSpan(uri: string, span: { start: number; end: number }, from: number, to: number): { start: number; end: number } | undefined {
    if (from === to) return span;
    const replacements = this.log.get(uri) ?? [];
    if (replacements.length >= MAX_REPLACEMENTS && replacements[0].version > Math.min(from, to) + 1) return undefined;
    const forward = from < to;
    const between = replacements.filter((r) => (forward ? r.version > from && r.version <= to : r.version > to && r.version <= from));
    let { start, end } = span;
    for (const r of forward ? between : [...between].reverse()) {
      // Going back in time, what a replacement inserted is what must be taken out again.
      const removed = forward ? r.deleted : r.inserted;
      const added = forward ? r.inserted : r.deleted;
      const point = start === end;
      if (r.start >= end && !(point && removed === 0 && r.start === start)) continue;
      if (r.start + removed <= start && !(removed === 0 && r.start === start && !point)) {
        start += added - removed;
        end += added - removed;
        continue;
      }
      return undefined;
    }
    return { start, end };
  }

  /** Where an offset of version `from` is in version `to`, or undefined when its character was replaced. */
  map(uri: string, offset: number, from: number, to: number): number | undefined {
    return this.mapSpan(uri, { start: offset, end: offset }, from, to)?.start;
  }
}
