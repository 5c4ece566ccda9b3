import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig, resolveConfig, type ClaimFloorConfig, type ClaimFloorConfigFile } from '../engine';

const CONFIG_FILE_NAMES = ['.claimfloor.json', '.claimfloor.jsonc'];

/** The configuration that governs one file, where it came from, and why it could not be used. */
export interface GoverningConfig {
  config: ClaimFloorConfig;
  /** The `.claimfloor.json` that applies, when there is one. */
  file?: string;
  /** Set when that file is invalid: the defaults apply until it is fixed, and the writer is told. */
  problem?: string;
}

/**
 * Finds and reads `.claimfloor.json` files for the CLI and the editor alike: the nearest one at or
 * above a file (or one given explicitly), each read once, an invalid one replaced by the defaults
 * with the reason. Unsaved editor buffers of a config file take precedence over the disk.
 */
export class ConfigResolver {
  private readonly parsed = new Map<string, GoverningConfig>();
  /** Directory → the nearest config file at or above it (null: none). */
  private readonly nearest = new Map<string, string | null>();
  private readonly buffers = new Map<string, string>();
  private defaults = resolveConfig();

  /** `explicitFile` (the CLI's --config) governs every file when given. */
  constructor(private readonly explicitFile?: string) {}

  /**
   * What applies where no `.claimfloor.json` does: the editor's own settings (threshold, per-type
   * enabling and severity), on top of the built-in defaults. A config file always wins.
   */
  setDefaults(file: ClaimFloorConfigFile): void {
    this.defaults = resolveConfig(file);
    for (const [key, found] of this.parsed) if (found.problem) this.parsed.delete(key);
  }

  /** The config file governing `path` (a file), if any. */
  fileFor(path: string): string | undefined {
    if (this.explicitFile) return resolve(this.explicitFile);
    return this.nearestAt(dirname(resolve(path))) ?? undefined;
  }

  configFor(path: string | undefined): GoverningConfig {
    const file = path === undefined ? (this.explicitFile && resolve(this.explicitFile)) : this.fileFor(path);
    if (!file) return { config: this.defaults };
    let found = this.parsed.get(file);
    if (!found) {
      found = this.read(file);
      this.parsed.set(file, found);
    }
    return found;
  }

  /** The explicit config file, parsed; throws its problem (the CLI refuses to run with a broken --config). */
  explicitConfig(): ClaimFloorConfig | undefined {
    if (!this.explicitFile) return undefined;
    const governing = this.configFor(undefined);
    if (governing.problem) throw new ConfigError(resolve(this.explicitFile), [governing.problem]);
    return governing.config;
  }

  /** An editor buffer's text for a config file (undefined when it is closed or saved). */
  setBuffer(file: string, text: string | undefined): void {
    if (text === undefined) this.buffers.delete(resolve(file));
    else this.buffers.set(resolve(file), text);
    this.parsed.delete(resolve(file));
  }

  /** Forgets everything read: a config file was created, changed or deleted. */
  reload(): void {
    this.parsed.clear();
    this.nearest.clear();
  }

  private nearestAt(directory: string): string | null {
    const known = this.nearest.get(directory);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (this.buffers.has(candidate) || existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    const parent = dirname(directory);
    if (found === null && parent !== directory) found = this.nearestAt(parent);
    this.nearest.set(directory, found);
    return found;
  }

  private read(file: string): GoverningConfig {
    let text: string;
    try {
      text = this.buffers.get(file) ?? readFileSync(file, 'utf8');
    } catch (error) {
      return { config: this.defaults, file, problem: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the default configuration applies.` };
    }
    try {
      return { config: parseConfig(text, file), file };
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `${file}: ${(error as Error).message}`;
      return { config: this.defaults, file, problem: `${message}\nThe default configuration applies until it is fixed.` };
    }
  }
}
