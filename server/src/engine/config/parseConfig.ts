import Ajv from 'ajv';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../../schemas/claimfloor.schema.json';
import { type ClaimFloorConfig, type ClaimFloorConfigFile, resolveConfig } from './config';

const validate = new Ajv({ allErrors: true, strict: false }).compile<ClaimFloorConfigFile>(schema);

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid ClaimFloor configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Deeper than any real configuration; a file nested further is refused before recursion can overflow. */
const MAX_NESTING = 64;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

/**
 * Parses `.claimfloor.json` (JSON with comments; a leading byte-order mark is allowed, as editors
 * on Windows write one) and validates it against the published schema. Every failure is a
 * `ConfigError` naming the file.
 */
export function parseConfig(source: string, file: string): ClaimFloorConfig {
  const text = source.replace(/^\uFEFF/, '');
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) throw new ConfigError(file, [`objects and arrays are nested ${depth} levels deep; a configuration has at most a few (limit ${MAX_NESTING})`]);
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    throw new ConfigError(
      file,
      errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`),
    );
  }
  if (!validate(value)) {
    throw new ConfigError(
      file,
      (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: "${String(e.params.additionalProperty)}"` : ''}`),
    );
  }
  return resolveConfig(value, file);
}
