import { type TestApp } from '../support/test-app';

/** A valid createGigStation input for 瓜里乡 (township level), with fields to override. */
export const stationInput = (overrides: Record<string, unknown> = {}) => ({
  name: '瓜里乡零工中心',
  level: 'TOWNSHIP',
  regionCode: '450329103',
  address: '瓜里乡党群服务中心一楼',
  latitude: 26.0512,
  longitude: 110.6498,
  openingHours: '每天 7:00–18:00',
  ...overrides,
});

const CREATE_STATION = `mutation($input: CreateGigStationInput!) { createGigStation(input: $input) { id } }`;

/** Creates a gig station through the API as the staff holding `token` (stationInput with `overrides`); returns its id. */
export async function createStation(api: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await api.gql<{ createGigStation: { id: string } }>(CREATE_STATION, { input: stationInput(overrides) }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createGigStation.id;
}
