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
