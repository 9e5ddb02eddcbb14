import './styles.css';

import { createApp } from 'vue';

import App from './App.vue';
import { applyLargeText } from './prefs';
import { router } from './router';
import { keepSessionFresh } from './session';

applyLargeText();
createApp(App).use(router).mount('#app');
keepSessionFresh();

// The service worker keeps the app and its pages for offline visits. It is registered once the
// first screen has had its turn (idle after load), so that its script and the precache downloads
// never compete with the job list on a weak link.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const register = () => void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  window.addEventListener('load', () => {
    setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(register, { timeout: 5000 }) : register()), 1500);
  });
}
