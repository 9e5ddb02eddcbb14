import { reactive } from 'vue';

import { MyContracts } from '../api/contracts';
import { UnreadCount } from '../api/notifications';
import { request } from '../session';

/** Counts beside the menu: unread messages, contracts waiting for the company's signature. */
export const badges = reactive({ unread: 0, toCountersign: 0, at: 0 });

export async function refreshBadges(force = false): Promise<void> {
  if (!force && Date.now() - badges.at < 30_000) return;
  badges.at = Date.now();
  const [notes, contracts] = await Promise.all([request(UnreadCount), request(MyContracts)]).catch(() => [null, null] as const);
  if (notes) badges.unread = notes.myNotifications.totalCount;
  if (contracts) badges.toCountersign = contracts.myContracts.filter((c) => c.status === 'SIGNED_BY_SEEKER').length;
}
