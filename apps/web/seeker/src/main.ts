import './styles.css';

import { createApp } from 'vue';

import App from './App.vue';
import { applyLargeText } from './prefs';
import { router } from './router';

applyLargeText();
createApp(App).use(router).mount('#app');

// The service worker keeps the app and its pages for offline visits; registered after the first
// screen so that it never delays the job list.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  });
}
