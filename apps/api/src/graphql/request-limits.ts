import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Tokens the parser reads before it gives up (graphql-js `maxTokens`): bounds the work of
 * parsing and validating one document, whatever it holds. A page's largest document uses a
 * few hundred.
 */
export const GRAPHQL_MAX_TOKENS = 5_000;

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function operationsOf(context: ValidationContext): OperationDefinitionNode[] {
  return context.getDocument().definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/**
 * Refuses operations nested deeper than `max` fields. Each fragment's depth is computed once
 * and a fragment that spreads itself (directly or not) counts as infinitely deep instead of
 * recursing for ever (NoFragmentCyclesRule names the cycle); introspection fields are not counted.
 */
export function depthLimitRule(max: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context);
    const known = new Map<string, number>();
    const visiting = new Set<string>();
    const depthOf = (set: SelectionSetNode | undefined): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet) : 0;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          if (visiting.has(name)) return Number.POSITIVE_INFINITY;
          let fragmentDepth = known.get(name);
          if (fragmentDepth === undefined) {
            visiting.add(name);
            fragmentDepth = depthOf(fragment.selectionSet);
            visiting.delete(name);
            known.set(name, fragmentDepth);
          }
          depth = fragmentDepth;
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };
    for (const operation of operationsOf(context)) {
      const depth = depthOf(operation.selectionSet);
      if (depth === Number.POSITIVE_INFINITY) continue; // a fragment cycle: reported by NoFragmentCyclesRule
      if (depth > max) {
        context.reportError(
          new GraphQLError(`查询嵌套 ${depth} 层，超过上限 ${max} 层，请减少嵌套`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP', depth, maxDepth: max },
          }),
        );
      }
    }
    return {};
  };
}

/**
 * Refuses operations with more than `max` root fields, aliases and fields reached through
 * fragments included: each root field is a resolver call (a database round trip or more), so
 * thousands of aliases in one request would hold the process and the connection pool.
 */
export function rootFieldLimitRule(max: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context);
    const countOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let count = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) count += 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) count += countOf(selection.selectionSet, visiting);
        else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visiting.has(fragment.name.value)) continue;
          visiting.add(fragment.name.value);
          count += countOf(fragment.selectionSet, visiting);
          visiting.delete(fragment.name.value);
        }
        if (count > max) return count;
      }
      return count;
    };
    for (const operation of operationsOf(context)) {
      const count = countOf(operation.selectionSet, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(`一次请求最多 ${max} 个顶层字段（含别名），请分成几次请求`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ROOT_FIELDS', maxRootFields: max },
          }),
        );
      }
    }
    return {};
  };
}
