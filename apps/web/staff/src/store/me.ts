import { computed, ref } from 'vue';

import { Me, RegionTree, SupportGroups } from '../api/me';
import type { MeQuery, RegionTreeQuery, SupportGroupsQuery } from '../gql/graphql';
import { request } from '../session';

export type Account = MeQuery['me'];
export interface Place {
  code: string;
  name: string;
  fullName: string;
  level: string;
}

const account = ref<Account | null>(null);
const tree = ref<RegionTreeQuery['region'] | null>(null);
const groups = ref<SupportGroupsQuery['supportGroups']>([]);
let loading: Promise<Account> | null = null;

/** The signed-in account, loaded once per page load; the menu and every page read what it may do from here. */
export function loadMe(): Promise<Account> {
  loading ??= request(Me)
    .then(({ me }) => {
      account.value = me;
      return me;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export function forgetMe(): void {
  account.value = null;
  tree.value = null;
  loading = null;
}

/** The county code (first 6 digits) of the account's region; the demo county when none. */
export const countyCode = computed(() => account.value?.region?.code.slice(0, 6) ?? '450329');

/** What the account may do: the API enforces it; the pages only hide what would be refused. */
export const can = computed(() => {
  const me = account.value;
  const admin = me?.role === 'ADMIN';
  const staff = me?.role === 'STAFF';
  const code = me?.region?.code ?? '';
  const county = admin || (staff && code.length > 0 && code.length <= 6);
  return {
    admin,
    county,
    /** Township or county staff: posters of a township, targets of a township. */
    township: county || (staff && code.length === 9),
    staff: staff || admin,
  };
});

/** The account's region and the regions under it, two levels deep. */
export async function regionTree(): Promise<RegionTreeQuery['region'] | null> {
  if (tree.value) return tree.value;
  const me = await loadMe();
  const code = me.region?.code ?? '450329';
  tree.value = (await request(RegionTree, { code })).region;
  return tree.value;
}

/** The account's region and every region under it, two levels deep (pickers of where someone works or what a record covers). */
export async function regionsInScope(): Promise<Place[]> {
  const root = await regionTree();
  if (!root) return [];
  return [root, ...root.children, ...root.children.flatMap((child) => child.children)];
}

/** The townships and villages in scope, without the account's own region (list filters: “全部区域” is the whole scope). */
export async function placesUnder(): Promise<Place[]> {
  const [towns, villageList] = await Promise.all([townships(), villages()]);
  return [...towns, ...villageList];
}

/** Villages in scope, with their full names (for the desk's village picker). */
export async function villages(): Promise<Place[]> {
  const root = await regionTree();
  if (!root) return [];
  if (root.level === 'VILLAGE') return [root];
  if (root.level === 'TOWNSHIP') return root.children;
  return root.children.flatMap((township) => township.children);
}

/** Townships in scope (the county's, or the account's own). */
export async function townships(): Promise<Place[]> {
  const root = await regionTree();
  if (!root) return [];
  if (root.level === 'TOWNSHIP') return [root];
  if (root.level === 'VILLAGE') return [];
  return root.children;
}

export async function supportGroups(): Promise<SupportGroupsQuery['supportGroups']> {
  if (groups.value.length) return groups.value;
  groups.value = (await request(SupportGroups, { regionCode: countyCode.value })).supportGroups;
  return groups.value;
}

/** A category the county just added: listed from now on without asking again. */
export function rememberSupportGroup(group: { code: string; name: string }): void {
  if (!groups.value.some((known) => known.code === group.code)) groups.value = [...groups.value, group];
}

export { account };
