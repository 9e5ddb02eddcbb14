import { type AppConfig, type FeatureSettingsClass, loadConfig } from '@jobcode/common';
import { ContractSigningSettings } from '@jobcode/contracts';
import { NotificationsSettings } from '@jobcode/notifications';

/** Every feature's own settings class (each feature provides its class with registerSettings). */
export const FEATURE_SETTINGS: readonly FeatureSettingsClass[] = [ContractSigningSettings, NotificationsSettings];

/**
 * The service's settings: AppConfig and every feature's, checked together before anything
 * starts, so that one ConfigError lists every problem.
 */
export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return loadConfig(env, FEATURE_SETTINGS);
}
