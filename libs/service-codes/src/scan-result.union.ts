import { createUnionType } from '@nestjs/graphql';

import { ReplacedServiceCode } from './service-code.object';
import { SCAN_VIEW_TYPES } from './service-code-targets';

/**
 * What `scan(token)` returns: the view of the code's target, or word that the code was replaced.
 * The views are those of the registered target adapters (ServiceCodeTargetAdapter.view).
 */
export const ScanResult = createUnionType({
  name: 'ScanResult',
  description: '扫码结果：码所指对象的实时内容，或“此码已更换”',
  types: () => [ReplacedServiceCode, ...SCAN_VIEW_TYPES] as const,
  resolveType: (value: object) => value.constructor,
});
