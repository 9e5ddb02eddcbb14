import { reactive } from 'vue';

import { MyEmployers } from '../api/company';
import type { MyEmployersQuery } from '../gql/graphql';
import { request } from '../session';

export type MyEmployer = MyEmployersQuery['myEmployers'][number];

/** The company the signed-in account acts for (the first, the usual case), loaded once per sign-in. */
export const company = reactive<{ loaded: boolean; list: MyEmployer[]; current: MyEmployer | null; loadError: string }>({
  loaded: false,
  list: [],
  current: null,
  loadError: '',
});

export async function loadCompany(force = false): Promise<MyEmployer | null> {
  if (company.loaded && !force) return company.current;
  const { myEmployers } = await request(MyEmployers);
  company.list = myEmployers;
  company.current = myEmployers.find((e) => e.status === 'VERIFIED') ?? myEmployers[0] ?? null;
  company.loaded = true;
  company.loadError = '';
  return company.current;
}

export function forgetCompany(): void {
  company.loaded = false;
  company.list = [];
  company.current = null;
}

/** The verified company's id; pages behind the guard may rely on it. */
export function companyId(): string {
  if (!company.current) throw new Error('No company loaded');
  return company.current.id;
}
