import type { ConsoleMenuItem } from '@shared/console/ConsoleMenu.vue';

import type { can } from '../store/me';

type Rights = (typeof can)['value'];

/** The menu shows only what the account's role and level may do (the API refuses the rest anyway). */
export function menuFor(rights: Rights): ConsoleMenuItem[] {
  const items: { to: string; label: string; show: boolean }[] = [
    { to: '/desk', label: '求职登记', show: rights.staff },
    { to: '/seekers', label: '求职者名单', show: rights.staff },
    { to: '/import', label: '台账导入导出', show: rights.staff },
    { to: '/placements', label: '务工与回访', show: rights.staff },
    { to: '/dashboard', label: '统计看板', show: rights.staff },
    { to: '/employers', label: '用人单位审核', show: rights.county },
    { to: '/sources', label: '驿站与车间', show: rights.staff },
    { to: '/fairs', label: '招聘会与大篷车', show: rights.staff },
    { to: '/codes', label: '服务码与海报', show: rights.staff },
    { to: '/targets', label: '年度任务与补贴', show: rights.staff },
    { to: '/notifications', label: '消息', show: rights.staff },
    { to: '/admin', label: '审核、设置与账号', show: rights.staff },
    { to: '/staff-accounts', label: '工作人员账号', show: rights.staff },
    { to: '/security-log', label: '安全日志', show: rights.admin },
  ];
  return items.filter((item) => item.show).map(({ to, label }) => ({ to, label }));
}
