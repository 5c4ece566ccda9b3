import { readFile } from 'node:fs/promises';
import { isBinaryFile } from 'isbinaryfile';

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string; ioError: boolean };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Reads a Markdown file; binary and unreadable files come back as a reason, never a throw. */
export async function readDocument(path: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, ioError: true, reason: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? (error as Error).message})` };
  }
  if (bytes.length > 0 && (await isBinaryFile(bytes, bytes.length))) return { ok: false, ioError: false, reason: 'binary file, skipped' };
  return { ok: true, text: decoder.decode(bytes) };
}
