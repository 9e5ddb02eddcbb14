/** The age-limit phrases the advert screening flags for staff review (same patterns as the API's). */
const AGE_PATTERNS: RegExp[] = [
  /(\d{2})(?:周?岁)?(?:-|–|—|~|～|至|到)(\d{2})周?岁/,
  /(\d{2})周?岁以(?:下|上|内)/,
  /年龄(?:要求)?[:：]?(?:不超过|不超|不高于|不大于|在)?(\d{2})/,
];

export function ageLimitIn(...texts: string[]): string | null {
  for (const text of texts) {
    const compact = text.replace(/\s+/g, '');
    for (const pattern of AGE_PATTERNS) {
      const match = pattern.exec(compact);
      if (match) return match[0];
    }
  }
  return null;
}
