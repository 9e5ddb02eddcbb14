import type { ScanPage } from './scan-page.model';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Inline, tiny CSS: no external requests on a weak 4G link, readable on a 360 px screen. */
const STYLE = `body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f4f5f7}
header{background:#c8102e;color:#fff;padding:12px 16px}header h1{font-size:20px;margin:0}header p{margin:4px 0 0;font-size:14px;opacity:.9}
main{padding:8px 12px}dl{background:#fff;border-radius:8px;padding:8px 12px;margin:8px 0}dt{color:#666;font-size:13px}dd{margin:0 0 6px}
h2{font-size:17px;margin:16px 4px 8px}ul{list-style:none;margin:0;padding:0}li{background:#fff;border-radius:8px;padding:10px 12px;margin:0 0 8px}
li b{font-size:16px}li span{display:block;color:#555;font-size:14px}.badge{float:right;background:#fdecee;color:#c8102e;border-radius:4px;padding:0 6px;font-size:13px}
a{color:#0a58ca;text-decoration:none}.actions a{display:block;text-align:center;background:#c8102e;color:#fff;border-radius:8px;padding:12px;margin:8px 0;font-size:17px}
.notice{background:#fff8e1;border-radius:8px;padding:8px 12px;font-size:14px}footer{color:#595959;font-size:12px;text-align:center;padding:16px}`;

/** Renders a scan page as a complete HTML document that needs no JavaScript. */
export function renderScanPage(page: ScanPage, footer = '就业服务码 · 县人力资源和社会保障局'): string {
  const facts = page.facts.length ? `<dl>${page.facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>` : '';
  const sections = page.sections
    .map((section) => {
      const items = section.items.length
        ? `<ul>${section.items
            .map((item) => {
              const title = item.href ? `<a href="${escape(item.href)}"><b>${escape(item.title)}</b></a>` : `<b>${escape(item.title)}</b>`;
              const badge = item.badge ? `<em class="badge">${escape(item.badge)}</em>` : '';
              return `<li>${badge}${title}${item.lines.map((l) => `<span>${escape(l)}</span>`).join('')}</li>`;
            })
            .join('')}</ul>`
        : `<p class="notice">${escape(section.empty ?? '暂无')}</p>`;
      return `<h2>${escape(section.heading)}</h2>${items}`;
    })
    .join('');
  const actions = page.actions?.length
    ? `<div class="actions">${page.actions.map((a) => `<a href="${escape(a.href)}">${escape(a.label)}</a>`).join('')}</div>`
    : '';
  const notice = page.notice ? `<p class="notice">${escape(page.notice)}</p>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(page.title)}</title><style>${STYLE}</style></head><body><header><h1>${escape(page.title)}</h1>${page.subtitle ? `<p>${escape(page.subtitle)}</p>` : ''}</header><main>${notice}${facts}${actions}${sections}</main><footer>${escape(footer)}</footer></body></html>`;
}
