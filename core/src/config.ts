import { z } from 'zod';
import { UsageError } from './errors.js';

/**
 * Configuration as zod fields bound to environment variables. Every package declares its own
 * fields; the CLI merges flags > env > config file > defaults and logs the effective values with
 * secrets redacted.
 */
export interface ConfigField<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Environment variable that sets it, e.g. INDICIA_MAX_PAGES. */
  env?: string;
  /** Command-line flag that sets it, e.g. --max-pages (named in error messages). */
  flag?: string;
  description: string;
  /** Redacted when the effective config is logged. */
  secret?: boolean;
}

export type ConfigFields = Record<string, ConfigField>;
export type ConfigValues<F extends ConfigFields> = { [K in keyof F]: z.output<F[K]['schema']> };

export interface ConfigLayers {
  flags?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  file?: Record<string, unknown>;
}

export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

export interface ResolvedConfig<F extends ConfigFields> {
  values: ConfigValues<F>;
  sources: Record<keyof F, ConfigSource>;
}

export function defineConfig<F extends ConfigFields>(fields: F) {
  return {
    fields,
    resolve(layers: ConfigLayers): ResolvedConfig<F> {
      const values: Record<string, unknown> = {};
      const sources: Record<string, ConfigSource> = {};
      for (const [key, field] of Object.entries(fields)) {
        const envName = field.env;
        const candidates: Array<[ConfigSource, unknown, string]> = [
          ['flag', layers.flags?.[key], field.flag ?? `flag for ${key}`],
          ['env', envName ? layers.env?.[envName] : undefined, `environment variable ${envName}`],
          ['file', layers.file?.[key], `config file key "${key}"`],
        ];
        const chosen = candidates.find(([, value]) => value !== undefined);
        const [source, raw, where] = chosen ?? ['default', undefined, `default of ${key}`];
        const parsed = parseField(field.schema, raw, source === 'env');
        if (!parsed.success) throw new UsageError(`invalid ${where}: ${parsed.message}`);
        values[key] = parsed.value;
        sources[key] = source;
      }
      return { values: values as ConfigValues<F>, sources: sources as Record<keyof F, ConfigSource> };
    },
    /** The values as they may be logged: secrets replaced. */
    redact(values: ConfigValues<F>): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fields)) {
        const value = (values as Record<string, unknown>)[key];
        out[key] = field.secret && value !== undefined && value !== null ? '[redacted]' : value;
      }
      return out;
    },
  };
}

/** Rejects keys a config file has that no field declares, so a typo is not silently ignored. */
export function assertKnownKeys(file: Record<string, unknown>, known: Iterable<string>, fileName: string): void {
  const allowed = new Set(known);
  const unknown = Object.keys(file).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw new UsageError(`${fileName}: unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${[...allowed].join(', ')}`);
}

function parseField(schema: z.ZodType, raw: unknown, fromEnv: boolean): { success: true; value: unknown } | { success: false; message: string } {
  const direct = schema.safeParse(raw);
  if (direct.success) return { success: true, value: direct.data };
  if (fromEnv && typeof raw === 'string') {
    for (const candidate of envStringReadings(raw)) {
      const coerced = schema.safeParse(candidate);
      if (coerced.success) return { success: true, value: coerced.data };
    }
  }
  const issue = direct.error.issues[0];
  const shown = typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
  return { success: false, message: `${issue?.message ?? 'invalid value'} (got ${shown})` };
}

/** The ways an environment string may be meant: a number, a boolean, JSON, a comma list. */
function envStringReadings(raw: string): unknown[] {
  const trimmed = raw.trim();
  const readings: unknown[] = [];
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) readings.push(Number(trimmed));
  if (['true', '1', 'yes', 'on'].includes(trimmed.toLowerCase())) readings.push(true);
  if (['false', '0', 'no', 'off'].includes(trimmed.toLowerCase())) readings.push(false);
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      readings.push(JSON.parse(trimmed));
    } catch {
      // not JSON after all: the other readings stand
    }
  }
  readings.push(trimmed.split(',').map((part) => part.trim()).filter(Boolean));
  return readings;
}
