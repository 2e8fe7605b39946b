/** A mistake in how the command was called: shown with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

export type OptionKind = 'string' | 'boolean';

export interface CommandSpec {
  options: Record<string, OptionKind>;
  /** Names of the positional arguments, all required. */
  positionals: string[];
  /** Unknown `--name value` pairs are collected as fields instead of refused (`start`'s input fields). */
  fields?: boolean;
}

export interface ParsedArgs {
  options: Record<string, string | boolean | undefined>;
  positionals: Record<string, string>;
  fields: Record<string, string>;
}

/** Flags every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionKind> = { json: 'boolean', help: 'boolean', api: 'string', token: 'string' };

/** `--name value`, `--name=value` and `-h`; refuses unknown flags, missing values, repeats and extra arguments. */
export function parseArgs(command: string, argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const known = { ...GLOBAL_OPTIONS, ...spec.options };
  const options: ParsedArgs['options'] = {};
  const fields: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) throw new UsageError(`unknown flag ${arg}`, command);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const kind = Object.prototype.hasOwnProperty.call(known, name) ? known[name] : undefined;
    if (!name) throw new UsageError(`malformed flag ${arg}`, command);
    if (kind === undefined && !spec.fields) throw new UsageError(`unknown flag --${name}`, command);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`, command);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`, command);
    if (kind === 'string') {
      if (options[name] !== undefined) throw new UsageError(`--${name} given twice`, command);
      options[name] = value;
    } else {
      if (name in fields) throw new UsageError(`--${name} given twice`, command);
      fields[name] = value;
    }
  }
  const positionals: Record<string, string> = {};
  if (!options.help) {
    if (positional.length > spec.positionals.length) {
      throw new UsageError(`unexpected argument${positional.length - spec.positionals.length > 1 ? 's' : ''}: ${positional.slice(spec.positionals.length).join(' ')}`, command);
    }
    spec.positionals.forEach((name, i) => {
      const value = positional[i];
      if (value === undefined) throw new UsageError(`missing <${name}>`, command);
      positionals[name] = value;
    });
  }
  return { options, positionals, fields };
}
