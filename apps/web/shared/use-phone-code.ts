import { computed, onBeforeUnmount, ref } from 'vue';

/** The "获取验证码" button of every surface: sends a code, then counts down until it may be sent again. */
export function usePhoneCode(send: (phone: string) => Promise<{ resendAfterSeconds: number }>) {
  const waiting = ref(0);
  const sending = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => timer && clearInterval(timer);
  onBeforeUnmount(stop);
  async function request(phone: string): Promise<void> {
    sending.value = true;
    try {
      const { resendAfterSeconds } = await send(phone);
      waiting.value = Math.max(1, Math.ceil(resendAfterSeconds));
      stop();
      timer = setInterval(() => {
        waiting.value -= 1;
        if (waiting.value <= 0) stop();
      }, 1000);
    } finally {
      sending.value = false;
    }
  }
  const label = computed(() => (waiting.value > 0 ? `${waiting.value} 秒后重发` : '获取验证码'));
  return { request, sending, waiting, label };
}
