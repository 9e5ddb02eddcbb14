import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import '@shared/console/theme.css';
import './styles.css';

import { createApp } from 'vue';

import { namePickerPoppers } from '@shared/console/picker-popper-names';

import App from './App.vue';
import { router } from './router';

namePickerPoppers();
createApp(App).use(router).mount('#app');
