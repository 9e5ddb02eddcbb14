/**
 * A setting a feature declares: its key, what it means, its default, and how a
 * submitted value is checked. The owning feature declares it once at module load
 * (`declareCountySetting`), and reads it with `CountySettingsService.get`.
 */
export interface CountySettingDefinition<T> {
  /** `<feature>.<name>`, e.g. `jobs.publicWelfareSupportGroups`. */
  key: string;
  /** What the setting means, in Chinese, shown to staff. */
  description: string;
  defaultValue: T;
  /** Returns the value normalised, or a Chinese message saying what is allowed. */
  parse(raw: unknown): { value: T } | { error: string };
}

const REGISTRY = new Map<string, CountySettingDefinition<unknown>>();

export function declareCountySetting<T>(definition: CountySettingDefinition<T>): CountySettingDefinition<T> {
  const existing = REGISTRY.get(definition.key);
  if (existing && existing !== definition) throw new Error(`County setting ${definition.key} is declared twice`);
  REGISTRY.set(definition.key, definition as CountySettingDefinition<unknown>);
  return definition;
}

export function countySettingDefinition(key: string): CountySettingDefinition<unknown> | undefined {
  return REGISTRY.get(key);
}

export function countySettingDefinitions(): CountySettingDefinition<unknown>[] {
  return [...REGISTRY.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A parser for "a non-empty list of distinct values from `allowed`". */
export function listOf<T extends string>(allowed: readonly T[], label: string): CountySettingDefinition<T[]>['parse'] {
  return (raw) => {
    if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string' || !allowed.includes(item as T))) {
      return { error: `${label}应为以下取值组成的列表：${allowed.join('、')}` };
    }
    return { value: [...new Set(raw as T[])] };
  };
}
