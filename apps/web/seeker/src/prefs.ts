import { ref, watch } from 'vue';

/** 大字模式: body text ≥ 20 px and touch targets ≥ 48 px, kept on the phone. */
const KEY = 'jobcode.m.largeText';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const largeText = ref(stored());

export function applyLargeText(): void {
  document.documentElement.classList.toggle('large-text', largeText.value);
}

watch(largeText, (on) => {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private mode: the choice lasts for this visit.
  }
  applyLargeText();
});
