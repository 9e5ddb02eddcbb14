import { ConfigError, featureSettings, type FeatureSettings, type FeatureSettingsClass, loadConfig } from '@jobcode/common';

/** What loadConfig refuses in `env`, checked with the features' settings given: every problem, or none. */
export function configProblems(env: Record<string, string>, features: FeatureSettingsClass[] = []): string[] {
  try {
    loadConfig(env, features);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/** A feature's settings as loadConfig read and checked them from `env`. */
export function loadedSettings<T extends FeatureSettings>(feature: FeatureSettingsClass<T>, env: Record<string, string>): T {
  return featureSettings(loadConfig(env, [feature]), feature);
}
