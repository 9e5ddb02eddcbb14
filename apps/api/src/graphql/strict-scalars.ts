import { GraphQLError, GraphQLFloat, GraphQLID, type GraphQLScalarType, GraphQLString, type ValueNode } from 'graphql';

/** Reasons a built-in scalar refuses an input value, as `extensions.reason`. */
export const SCALAR_REASONS = ['INVALID_ID', 'INVALID_TEXT', 'TEXT_TOO_LONG', 'NUMBER_OUT_OF_RANGE'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The longest text any input takes (a job description, a contract clause); the request body is capped too. */
export const MAX_STRING_LENGTH = 100_000;
/** Money, coordinates, rates: nothing a county counts comes near it, and PostgreSQL numerics hold it. */
export const MAX_FLOAT = 1e12;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

const refuse = (reason: (typeof SCALAR_REASONS)[number], message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });

function checkId(value: string): string {
  if (!UUID.test(value)) throw refuse('INVALID_ID', '编号格式不对：应为系统给出的编号（形如 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed），请从列表或详情页复制');
  return value;
}

function checkString(value: string): string {
  if (value.length > MAX_STRING_LENGTH) throw refuse('TEXT_TOO_LONG', `文字太长：每项最多 ${MAX_STRING_LENGTH} 个字符`);
  if (NUL.test(value) || LONE_SURROGATE.test(value)) throw refuse('INVALID_TEXT', '文字中含有无法保存的控制字符或残缺字符，请删除后重新输入');
  return value;
}

function checkFloat(value: number): number {
  if (Math.abs(value) > MAX_FLOAT || (value !== 0 && Math.abs(value) < SMALLEST_NORMAL)) {
    throw refuse('NUMBER_OUT_OF_RANGE', `数值超出可处理的范围（绝对值应在 ${MAX_FLOAT} 以内，且不能是极小的非零数）`);
  }
  return value;
}

let hardened = false;

function wrap<T>(scalar: GraphQLScalarType, check: (value: T) => T): void {
  const parseValue = scalar.parseValue.bind(scalar);
  const parseLiteral = scalar.parseLiteral.bind(scalar);
  scalar.parseValue = (value: unknown) => check(parseValue(value) as T);
  scalar.parseLiteral = (node: ValueNode, variables?: Record<string, unknown> | null) => check(parseLiteral(node, variables) as T);
}

/**
 * Tightens the input side of the built-in scalars, once per process, so that no resolver, no
 * validator and no SQL statement ever sees what they cannot handle: an `ID` is a UUID (every
 * entity's key), a `String` holds no NUL or lone surrogate (PostgreSQL refuses them) and is at
 * most MAX_STRING_LENGTH long, a `Float` is a normal number within ±MAX_FLOAT. Refusals happen
 * while graphql-js coerces the request, before anything runs: BAD_USER_INPUT with a reason and a
 * Chinese message. Output (serialize) is unchanged.
 */
export function hardenBuiltInScalars(): void {
  if (hardened) return;
  hardened = true;
  wrap<string>(GraphQLID, checkId);
  wrap<string>(GraphQLString, checkString);
  wrap<number>(GraphQLFloat, checkFloat);
}
