import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, type Edit, type FormattingOptions, modify, parseTree } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { allowEntry, type AssessedClaim } from '../engine';

export interface CodeActionContext {
  /** The document as it is now; the claim's offsets are in this version. */
  document: TextDocument;
  claim: Pick<AssessedClaim, 'type' | 'start' | 'end' | 'text'> & { subject?: string; slots: Array<{ start: number; end: number; text?: string }>; fixes?: Array<{ start: number; end: number; text: string; was: string }> };
  diagnostic: Diagnostic;
  /** The configuration file that governs this document, if any. */
  configFile?: string;
  /** Where a new `.claimfloor.json` goes when there is none: the workspace folder. */
  workspaceFolder?: string;
}

/** What the allow-list action carries until the user picks it (`codeAction/resolve`): the edit is computed then, from the config as it is then. */
export interface AllowListActionData {
  kind: 'claimfloor.allow';
  target: string;
  entry: string;
}

/** Edits to a Markdown document, valid only for the version they were computed for: a stale edit is refused, never misplaced. */
function versionedEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

function insertionAtTop(text: string): number {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return frontMatter ? frontMatter[0].length : 0;
}

/**
 * Quick fixes for one claim, written as the comments and config the engine reads, at the claim's
 * own sentence (its offsets, not its text: the same sentence can stand twice in a file). Each fix
 * is built on its own, so one that cannot be built never hides the others.
 */
export function codeActionsFor(ctx: CodeActionContext): CodeAction[] {
  const builders = [replacementActions, verifiedAction, disableLineAction, disableFileAction, allowListAction];
  return builders.flatMap((build) => {
    try {
      const action = build(ctx);
      return Array.isArray(action) ? action : action ? [action] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The right value where a check computed it ("45" → "38.7"), first and preferred, as cspell and
 * LTeX put the replacement: one action per value, only while the text still reads as it did.
 */
function replacementActions({ document, claim, diagnostic }: CodeActionContext): CodeAction[] {
  const text = document.getText();
  return (claim.fixes ?? [])
    .filter((fix) => text.slice(fix.start, fix.end) === fix.was)
    .map((fix) => ({
      title: `ClaimFloor: change "${fix.was}" to "${fix.text}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: versionedEdit(document, [{ range: { start: document.positionAt(fix.start), end: document.positionAt(fix.end) }, newText: fix.text }]),
    }));
}

function verifiedAction({ document, claim, diagnostic }: CodeActionContext): CodeAction {
  const at = document.positionAt(claim.end);
  return {
    title: 'ClaimFloor: mark this claim as verified',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // The replacement is preferred where there is one.
    isPreferred: (claim.fixes ?? []).length === 0,
    edit: versionedEdit(document, [{ range: { start: at, end: at }, newText: ' <!-- claimfloor-verified -->' }]),
  };
}

function disableLineAction({ document, claim, diagnostic }: CodeActionContext): CodeAction {
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The squiggle's line: where the writer sees the claim.
  const line = document.positionAt(claim.slots.length > 0 ? Math.min(...claim.slots.map((s) => s.start)) : claim.start).line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const indent = /^[ \t>]*(?:[-*+] |\d+[.)] )?/.exec(text.slice(lineStart))?.[0].replace(/[-*+\d.)]/g, ' ') ?? '';
  const nextLine = document.offsetAt({ line: line + 1, character: 0 });
  const lineEnd = nextLine - (text.slice(lineStart, nextLine).match(/\r?\n$/)?.[0].length ?? 0);
  const previousLine = line === 0 ? '' : text.slice(document.offsetAt({ line: line - 1, character: 0 }), lineStart);
  // The claim's line starts a block when the line before it is blank (or it is the first line).
  if (previousLine.trim() === '') {
    return {
      title: `ClaimFloor: disable ${claim.type} for the next line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: versionedEdit(document, [{ range: { start: document.positionAt(lineStart), end: document.positionAt(lineStart) }, newText: `${indent}<!-- claimfloor-disable-next-line ${claim.type} -->${eol}` }]),
    };
  }
  // A comment line inside a paragraph would split it in two; mark the line itself instead.
  return {
    title: `ClaimFloor: disable ${claim.type} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: versionedEdit(document, [{ range: { start: document.positionAt(lineEnd), end: document.positionAt(lineEnd) }, newText: ` <!-- claimfloor-disable-line ${claim.type} -->` }]),
  };
}

function disableFileAction({ document, claim, diagnostic }: CodeActionContext): CodeAction {
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const top = document.positionAt(insertionAtTop(text));
  return {
    title: `ClaimFloor: disable ${claim.type} in this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: versionedEdit(document, [{ range: { start: top, end: top }, newText: `<!-- claimfloor-disable ${claim.type} -->${eol}${eol}` }]),
  };
}

function allowListAction({ claim, diagnostic, configFile, workspaceFolder }: CodeActionContext): CodeAction | undefined {
  const target = configFile ?? (workspaceFolder ? join(workspaceFolder, '.claimfloor.json') : undefined);
  if (!target) return undefined;
  // Keyed by the claim's value and subject, so the same fact elsewhere is allowed and nothing else;
  // without a subject a bare value would allow it everywhere, so the sentence is the key.
  const value = claim.slots[0]?.text;
  const entry = value !== undefined && claim.subject ? allowEntry(claim.subject, value) : claim.text;
  const data: AllowListActionData = { kind: 'claimfloor.allow', target, entry };
  return { title: `ClaimFloor: allow "${entry.length > 60 ? `${entry.slice(0, 57)}…` : entry}" in this workspace`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], data };
}

const FORMATTING: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * In a list written one entry per line, the new entry goes on a line of its own after the last
 * one, and the comma right after the last value: a comment at the end of that line stays with the
 * entry it was written for (jsonc-parser's own insertion would move it onto the new entry).
 */
function appendAfterLastLine(text: string, allow: ReturnType<typeof parseTree>, entry: string): Edit[] | undefined {
  const last = allow?.children?.at(-1);
  if (!allow || !last) return undefined;
  const lastEnd = last.offset + last.length;
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const lineEnd = text.indexOf('\n', lastEnd);
  // Only when the last entry sits on a line of its own, before the closing bracket's line.
  if (lineEnd < 0 || lineEnd > allow.offset + allow.length - 1 || text.slice(lineStart, last.offset).trim() !== '') return undefined;
  const indent = text.slice(lineStart, last.offset);
  const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const eol = text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const hasComma = /^\s*,/.test(text.slice(lastEnd, end));
  return [
    ...(hasComma ? [] : [{ offset: lastEnd, length: 0, content: ',' }]),
    { offset: end, length: 0, content: `${eol}${indent}${JSON.stringify(entry)}${hasComma ? ',' : ''}` },
  ];
}

/**
 * The allow-list edit, computed when the user picks the action: a minimal insertion into the
 * config as it is now (the open editor buffer when there is one, with its version, else the file
 * on disk), so comments, formatting and unsaved edits stay as they are.
 */
export function resolveAllowListEdit(data: AllowListActionData, openConfig: TextDocument | undefined): WorkspaceEdit {
  const uri = URI.file(data.target).toString();
  const exists = openConfig !== undefined || existsSync(data.target);
  const text = openConfig?.getText() ?? (exists ? readFileSync(data.target, 'utf8') : '{}\n');
  const root = parseTree(text);
  if (exists && root?.type !== 'object') throw new Error(`${data.target} is not a JSON object; add "${data.entry}" to its "allow" list by hand.`);
  const allow = root?.children?.find((p) => p.children?.[0]?.value === 'allow')?.children?.[1];
  if (allow && allow.type !== 'array') throw new Error(`"allow" in ${data.target} is not a list; make it one ([…]) to add entries.`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A new "allow" key goes first in the object, so no existing line (and its comment) is rewritten.
  const edits = appendAfterLastLine(text, allow, data.entry) ?? modify(text, ['allow', -1], data.entry, { formattingOptions: { ...FORMATTING, eol }, isArrayInsertion: true, getInsertionIndex: () => 0 });
  const positions = openConfig ?? TextDocument.create(uri, 'jsonc', 0, text);
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: positions.positionAt(e.offset), end: positions.positionAt(e.offset + e.length) }, newText: e.content }));
  if (!exists) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: applyEdits(text, edits) }] }] };
  }
  return { documentChanges: [{ textDocument: { uri, version: openConfig?.version ?? null }, edits: textEdits }] };
}
