const UNNAMED_PICKER = '.el-picker__popper[role="dialog"]:not([aria-label])';

/**
 * Element Plus gives a date picker's pop-up panel `role="dialog"` but no name, so a screen reader
 * announces a nameless "dialog" (axe: aria-dialog-name), and the picker has no prop that reaches
 * the panel. The panels are teleported under <body> when first opened; this names each as it is
 * added, after the field that opened it when that field is named. Only added nodes are looked at,
 * not the page on every change.
 */
export function namePickerPoppers(root: HTMLElement = document.body): MutationObserver {
  const name = (popper: Element) => {
    const field = popper.id ? document.querySelector(`[aria-controls~="${popper.id}"], [aria-describedby~="${popper.id}"]`) : null;
    const fieldName = field?.getAttribute('aria-label') ?? field?.querySelector('[aria-label]')?.getAttribute('aria-label');
    popper.setAttribute('aria-label', fieldName ? `选择${fieldName}` : '选择日期');
  };
  const observer = new MutationObserver((mutations) => {
    for (const { addedNodes } of mutations) {
      for (const node of addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(UNNAMED_PICKER)) name(node);
        node.querySelectorAll(UNNAMED_PICKER).forEach(name);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
