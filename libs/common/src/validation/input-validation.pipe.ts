import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

import { AppError, badInput } from '../errors/app-error';

interface FieldError {
  property: string;
  constraints?: Record<string, string>;
  children?: FieldError[];
}

function firstMessage(errors: FieldError[], path = 'input'): { message: string; field: string } | undefined {
  for (const error of errors) {
    const field = `${path}.${error.property}`;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { message, field };
    const nested = firstMessage(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Validates GraphQL inputs and args with their class-validator rules and answers the first
 * problem as BAD_USER_INPUT naming the field. Only classes that declare rules are
 * validated: parents of field resolvers and plain values pass through untouched, so a
 * list of 50 items does not re-validate each item for every field.
 */
export class InputValidationPipe extends ValidationPipe {
  private readonly declared = new Map<unknown, boolean>();

  constructor() {
    super({
      transform: true,
      forbidUnknownValues: false,
      exceptionFactory: (errors) => {
        const first = firstMessage(errors as FieldError[]);
        return badInput(first?.message ?? '输入有误', { field: first?.field });
      },
    });
  }

  /** An optional argument that was not given stays absent (it is not validated as an empty object). */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (value === undefined || value === null) return value;
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // class-transformer and class-validator choke on some values (a TypeError on 1e-320 in a decimal
      // check): the value is the client's, so is the refusal.
      throw badInput('输入的内容无法识别，请检查各项格式后重试', { reason: 'UNPROCESSABLE_INPUT' });
    }
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    const { metatype } = metadata;
    if (!metatype || !super.toValidate(metadata)) return false;
    let declared = this.declared.get(metatype);
    if (declared === undefined) {
      declared = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length > 0;
      this.declared.set(metatype, declared);
    }
    return declared;
  }
}
