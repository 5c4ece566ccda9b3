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

/** Parses `.claimfloor.json` (JSON with comments) and validates it against the published schema. */
export function parseConfig(text: string, file: string): ClaimFloorConfig {
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
