/** Where the phone said it is (asked only when the person taps 离我最近), kept for this visit to show distances. */
const KEY = 'jobcode.m.near';

export interface Point {
  lat: number;
  lng: number;
}

export function lastPoint(): Point | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Point) : null;
  } catch {
    return null;
  }
}

export function locate(): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('这部手机不能提供位置'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = { lat: position.coords.latitude, lng: position.coords.longitude };
        try {
          sessionStorage.setItem(KEY, JSON.stringify(point));
        } catch {
          // ignore
        }
        resolve(point);
      },
      (error) => reject(new Error(error.code === error.PERMISSION_DENIED ? '没有位置权限：请在手机设置里允许浏览器使用位置' : '暂时取不到位置，请稍后再试')),
      { timeout: 8000, maximumAge: 600_000 },
    );
  });
}

/** Great-circle distance in km. */
export function kmBetween(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
