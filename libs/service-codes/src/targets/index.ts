import type { Type } from '@nestjs/common';

import type { ServiceCodeTargetAdapter } from '../service-code-target';

/** One adapter per target kind; each lives in its own file in this folder. */
export const TARGET_ADAPTERS: Type<ServiceCodeTargetAdapter>[] = [];

/** The GraphQL object types the adapters return from `scan`. */
export const SCAN_VIEW_TYPES: Type<object>[] = [];
