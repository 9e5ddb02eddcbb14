/** A coarse client class from the User-Agent: enough for statistics, nothing that identifies a person. */
export function clientClass(userAgent: string | undefined): string {
  if (!userAgent) return 'OTHER';
  if (/MicroMessenger/i.test(userAgent)) return 'WECHAT';
  if (/Android/i.test(userAgent)) return 'ANDROID';
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'IOS';
  if (/Windows|Macintosh|X11|Linux/i.test(userAgent)) return 'DESKTOP';
  return 'OTHER';
}
