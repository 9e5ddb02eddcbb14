import { computed, ref } from 'vue';

export interface SignedIn {
  accessToken: string;
  expiresAt: string;
  sessionExpiresAt: string;
  account: { id: string; role: string; name?: string | null; phone?: string | null };
}

/**
 * The sign-in state of one surface, kept in localStorage so that it survives a reload and
 * works in WeChat's in-app browser (which keeps localStorage per site). Each surface has its
 * own key: a person may be a job seeker on the phone and an employer's clerk at the office.
 */
export function createSession(surface: 'seeker' | 'employer' | 'staff') {
  const key = `jobcode.session.${surface}`;
  const stored = read(key);
  const state = ref<SignedIn | null>(stored && new Date(stored.sessionExpiresAt).getTime() > Date.now() ? stored : null);

  function save(value: SignedIn | null): void {
    state.value = value;
    try {
      if (value) localStorage.setItem(key, JSON.stringify(value));
      else localStorage.removeItem(key);
    } catch {
      // Private mode or a full quota: the session lasts for this page only.
    }
  }

  return {
    state,
    token: computed(() => state.value?.accessToken ?? null),
    signedIn: computed(() => state.value !== null),
    account: computed(() => state.value?.account ?? null),
    save,
    clear: () => save(null),
  };
}

function read(key: string): SignedIn | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as SignedIn) : null;
  } catch {
    return null;
  }
}

export type Session = ReturnType<typeof createSession>;
