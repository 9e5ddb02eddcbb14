import { ApiError, messageOf } from '@shared/api-error';
import { reactive, ref } from 'vue';

/**
 * The API's Chinese message at the field it names (`extensions.field`, e.g. `input.idNumber`),
 * or above the form when it names none.
 */
export function useFormErrors() {
  const fields = reactive<Record<string, string>>({});
  const general = ref('');

  function clear(): void {
    for (const key of Object.keys(fields)) delete fields[key];
    general.value = '';
  }

  function show(error: unknown, known: string[] = []): void {
    clear();
    const name = error instanceof ApiError && error.field ? (error.field.split('.').pop() ?? '') : '';
    if (name && known.includes(name)) fields[name] = messageOf(error);
    else general.value = messageOf(error);
  }

  return { fields, general, clear, show };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
