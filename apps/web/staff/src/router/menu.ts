import type { can } from '../store/me';

type Rights = (typeof can)['value'];

export interface MenuItem {
  path: string;
  title: string;
}

/** The menu shows only what the account's role and level may do (the API refuses the rest anyway). */
export function menuFor(rights: Rights): MenuItem[] {
  const items: (MenuItem & { show: boolean })[] = [
    { path: '/desk', title: '求职登记', show: rights.staff },
    { path: '/seekers', title: '求职者名单', show: rights.staff },
    { path: '/import', title: '台账导入导出', show: rights.staff },
    { path: '/placements', title: '务工与回访', show: rights.staff },
    { path: '/dashboard', title: '统计看板', show: rights.staff },
    { path: '/employers', title: '用人单位审核', show: rights.county },
    { path: '/sources', title: '驿站与车间', show: rights.staff },
    { path: '/codes', title: '服务码与海报', show: rights.staff },
    { path: '/targets', title: '年度任务与补贴', show: rights.staff },
    { path: '/admin', title: '审核、设置与账号', show: rights.staff },
  ];
  return items.filter((item) => item.show).map(({ path, title }) => ({ path, title }));
}
