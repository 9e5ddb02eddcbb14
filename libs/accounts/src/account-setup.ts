import { AccountSetupStep, type AppConfig, Role } from '@jobcode/common';

export interface SetupFacts {
  role: Role;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
}

/** The step an account must finish before anything else, or undefined when it is ready to work. */
export function setupStepOf(account: SetupFacts, config: Pick<AppConfig, 'STAFF_SECOND_FACTOR'>): AccountSetupStep | undefined {
  if (account.mustChangePassword) return AccountSetupStep.PASSWORD_CHANGE;
  const staff = account.role === Role.STAFF || account.role === Role.ADMIN;
  if (staff && config.STAFF_SECOND_FACTOR === 'required' && !account.totpEnabledAt) return AccountSetupStep.SECOND_FACTOR_ENROLMENT;
  return undefined;
}
