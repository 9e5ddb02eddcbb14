import { renderScanPage } from '../scan-page/render-scan-page';

describe('the no-JavaScript scan page', () => {
  const page = renderScanPage({
    title: '瓜里乡零工驿站',
    subtitle: '今日在招 3 个岗位',
    facts: [
      ['地址', '瓜里乡政府旁'],
      ['开放时间', '每天 7:00–18:00'],
    ],
    actions: [{ label: '在线报名', href: '/apply/1' }],
    sections: [{ heading: '在招岗位', items: [{ title: '番茄采摘 <日结>', lines: ['150 元/天', '距此 1.2 公里'], badge: '余 8 人' }] }],
  });

  it('is a complete Chinese HTML page without scripts or external resources', () => {
    expect(page.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<meta name="viewport"');
    expect(page).not.toMatch(/<script|<link|src="http/);
    expect(page).toContain('瓜里乡零工驿站');
    expect(page).toContain('150 元/天');
  });

  it('escapes what comes from data', () => {
    expect(page).toContain('番茄采摘 &lt;日结&gt;');
  });

  it('stays far below 50 KB even with a long list', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      title: `岗位 ${i} 缝纫工（计件）`,
      lines: ['3000–5000 元/月', '包吃住 · 资源县工业园'],
      href: `/j/${i}`,
    }));
    const long = renderScanPage({ title: '招聘会', facts: [], sections: [{ heading: '岗位', items }] });
    expect(Buffer.byteLength(long)).toBeLessThan(50 * 1024);
  });
});
