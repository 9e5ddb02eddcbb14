import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * An integer setting from `min` to `max`, read from the environment's text. Every way it can be
 * wrong gets the one message: "must be an integer [number of <unit>] from <min> to <max>",
 * unless another is given.
 */
export function IntegerSetting(
  min: number,
  max: number,
  unit?: string,
  message = `must be an integer ${unit ? `number of ${unit} ` : ''}from ${min} to ${max}`,
): PropertyDecorator {
  const decorators = [Type(() => Number), IsInt({ message }), Min(min, { message }), Max(max, { message })];
  return (target, key) => {
    for (const decorator of decorators) decorator(target, key as string);
  };
}

/** A setting that may be left out; an empty value counts as left out. */
export function OptionalSetting(): PropertyDecorator {
  const decorators = [Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value)), IsOptional()];
  return (target, key) => {
    for (const decorator of decorators) decorator(target, key as string);
  };
}
