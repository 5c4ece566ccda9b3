import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { AssessedClaim } from '../engine';
import type { LineIndex } from '../engine/text/lineIndex';
import type { ClaimDiagnosticData } from './diagnostics';

export interface CodeActionContext {
  uri: string;
  text: string;
  lines: LineIndex;
  claim: AssessedClaim;
  diagnostic: Diagnostic;
  /** The configuration file that governs this document, if any. */
  configFile?: string;
  /** Where a new `.claimfloor.json` goes when there is none: the workspace folder. */
  workspaceFolder?: string;
}

const edit = (uri: string, edits: TextEdit[]): WorkspaceEdit => ({ changes: { [uri]: edits } });

function insertionAtTop(text: string): number {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return frontMatter ? frontMatter[0].length : 0;
}

/** Quick fixes for one claim, written as the comments and config the engine reads. */
export function codeActionsFor(ctx: CodeActionContext): CodeAction[] {
  const { uri, text, lines, claim, diagnostic } = ctx;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = diagnostic.range.start.line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t>]*(?:[-*+] |\d+[.)] )?/.exec(text.slice(lineStart))?.[0].replace(/[-*+\d.)]/g, ' ') ?? '';
  const top = insertionAtTop(text);
  const lineEnd = lines.offsetAt({ line: line + 1, character: 0 }) - (text.slice(0, lines.offsetAt({ line: line + 1, character: 0 })).match(/\r?\n$/)?.[0].length ?? 0);
  const previousLine = line === 0 ? '' : text.slice(lines.offsetAt({ line: line - 1, character: 0 }), lineStart);
  // The squiggle's line starts a block when the line before it is blank (or it is the first line).
  const startsBlock = previousLine.trim() === '';
  const actions: CodeAction[] = [
    {
      title: 'ClaimFloor: mark this claim as verified',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: edit(uri, [{ range: lines.rangeOf(claim.end, claim.end), newText: ' <!-- claimfloor-verified -->' }]),
    },
    startsBlock
      ? {
          title: `ClaimFloor: disable ${claim.type} for the next line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(uri, [{ range: lines.rangeOf(lineStart, lineStart), newText: `${indent}<!-- claimfloor-disable-next-line ${claim.type} -->${eol}` }]),
        }
      : {
          // A comment line inside a paragraph would split it in two; mark the line itself instead.
          title: `ClaimFloor: disable ${claim.type} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(uri, [{ range: lines.rangeOf(lineEnd, lineEnd), newText: ` <!-- claimfloor-disable-line ${claim.type} -->` }]),
        },
    {
      title: `ClaimFloor: disable ${claim.type} in this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: edit(uri, [{ range: lines.rangeOf(top, top), newText: `<!-- claimfloor-disable ${claim.type} -->${eol}${eol}` }]),
    },
  ];
  const allow = allowListEdit(ctx);
  if (allow) actions.push({ title: 'ClaimFloor: add this claim to the workspace allow-list', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: allow });
  return actions;
}

function allowListEdit({ claim, configFile, workspaceFolder }: CodeActionContext): WorkspaceEdit | undefined {
  const target = configFile ?? (workspaceFolder ? join(workspaceFolder, '.claimfloor.json') : undefined);
  if (!target) return undefined;
  const exists = existsSync(target);
  const before = exists ? readFileSync(target, 'utf8') : '{}\n';
  const after = applyEdits(before, modify(before, ['allow', -1], claim.text, { formattingOptions: { insertSpaces: true, tabSize: 2 }, isArrayInsertion: true }));
  const uri = URI.file(target).toString();
  const whole = { start: { line: 0, character: 0 }, end: { line: before.split('\n').length, character: 0 } };
  return {
    documentChanges: [
      ...(exists ? [] : [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]),
      { textDocument: { uri, version: null }, edits: [{ range: whole, newText: after }] },
    ],
  };
}

export function claimIdOf(diagnostic: Diagnostic): string | undefined {
  return (diagnostic.data as ClaimDiagnosticData | undefined)?.claimId;
}
