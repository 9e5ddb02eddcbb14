import { badInput } from '../errors/app-error';

/** Validates a mainland China mobile number; accepts spaces, dashes and a +86 prefix. */
export function parsePhone(raw: string, field = 'phone'): string {
  const phone = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(phone)) {
    throw badInput('手机号应为 11 位，以 1 开头，例如 13812345678', { reason: 'INVALID_PHONE', field });
  }
  return phone;
}

/** `138****5678` */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
