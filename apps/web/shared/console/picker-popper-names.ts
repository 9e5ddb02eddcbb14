/**
 * Element Plus gives a date picker's pop-up panel `role="dialog"` but no name, so a screen reader
 * announces a nameless "dialog" (axe: aria-dialog-name), and the picker has no prop that reaches
 * the panel. The panels are teleported to <body>; this names each as it appears, after the field
 * that opened it when that field is named.
 */
export function namePickerPoppers(root: HTMLElement = document.body): MutationObserver {
  const name = (popper: Element) => {
    if (popper.hasAttribute('aria-label')) return;
    const field = popper.id ? document.querySelector(`[aria-controls~="${popper.id}"], [aria-describedby~="${popper.id}"]`) : null;
    const fieldName = field?.getAttribute('aria-label') ?? field?.querySelector('[aria-label]')?.getAttribute('aria-label');
    popper.setAttribute('aria-label', fieldName ? `选择${fieldName}` : '选择日期');
  };
  const observer = new MutationObserver(() => root.querySelectorAll('.el-picker__popper[role="dialog"]:not([aria-label])').forEach(name));
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
