import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either way: a phone clock a little off, or a code typed as it changed. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, label: string): string => generateURI({ issuer: '就业服务码平台', label, secret, period: PERIOD_SECONDS });

/**
 * The time step of a valid code, or undefined. A code at or before `afterStep` (already used)
 * is refused, so an overheard code cannot be replayed.
 */
export async function acceptedTotpStep(secret: string, code: string, afterStep: number | null): Promise<number | undefined> {
  try {
    const result = await verify({
      secret,
      token: code,
      period: PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    // otplib throws when the last accepted step lies beyond the window (a clock that stepped
    // back, or replicas whose clocks disagree): that code cannot be accepted, like any wrong one.
    return undefined;
  }
}
