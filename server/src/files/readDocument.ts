import { readFileSync } from 'node:fs';
import { isBinaryFileSync } from 'isbinaryfile';

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string; ioError: boolean };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * Reads a Markdown file; binary and unreadable files come back as a reason, never a throw.
 * Synchronous on purpose: the CLI and the editor's workspace audit check one file at a time.
 */
export function readDocument(path: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, ioError: true, reason: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? (error as Error).message})` };
  }
  // Editors on Windows save UTF-16 with a byte-order mark; its NUL bytes would look binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: utf16le.decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: utf16be.decode(bytes) };
  if (bytes.length > 0 && isBinaryFileSync(bytes, bytes.length)) return { ok: false, ioError: false, reason: 'binary file, skipped' };
  return { ok: true, text: decoder.decode(bytes) };
}
