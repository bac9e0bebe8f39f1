import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { setToastDefaultOptions } from 'vant';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import 'vant/es/toast/style';
import 'vant/es/dialog/style';
import 'vant/es/notify/style';
import './styles.css';

// Toasts break lines between words, never inside one ("Coupon clai|med").
setToastDefaultOptions({ wordBreak: 'break-word' });

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
