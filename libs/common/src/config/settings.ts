import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

/** A class of settings: each decorated property is an environment variable, validated by its class-validator decorators. */
export type SettingsClass<T extends object = object> = new () => T;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The variables a settings class reads: its properties that carry a validation decorator (every setting has one). */
export function settingNames(settings: SettingsClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(settings, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const reasons = Object.values(error.constraints ?? {});
    const raw = env[error.property];
    const shown = /SECRET|KEY|PASSWORD|PASSPHRASE/.test(error.property) ? '(hidden)' : JSON.stringify(raw);
    return [...new Set(reasons)].map((reason) => `${error.property}=${shown}: ${reason}`);
  });
}

/**
 * Reads a settings class from an environment (its own variables only, defaults where unset)
 * and validates it: the settings, and one problem per wrong value naming the setting and what
 * is allowed (the values of secrets hidden).
 */
export function readSettings<T extends object>(settings: SettingsClass<T>, env: Record<string, string | undefined>): { settings: T; problems: string[] } {
  const picked: Record<string, string> = {};
  for (const key of settingNames(settings)) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const read = plainToInstance(settings, picked);
  return { settings: read, problems: describe(validateSync(read, { skipMissingProperties: false }), env) };
}
