import { type DataSource } from 'typeorm';

import { type StartedApp } from './create-app';

/** The label the demo gives the service codes it prints (`npm run demo`). */
export const DEMO_CODE_LABEL = '演示';

/** What to print when this start created the first ADMIN account: the one-time password is shown once, here. */
export function firstAdminNotice(firstAdmin: StartedApp['firstAdmin']): string | null {
  if (!firstAdmin) return null;
  return firstAdmin.password
    ? `First ADMIN account created: phone ${firstAdmin.phone}, one-time password ${firstAdmin.password} (change it after signing in)`
    : `First ADMIN account created: phone ${firstAdmin.phone} with ADMIN_PASSWORD`;
}

/**
 * The demo's scan links under the address this process serves (PUBLIC_URL, else
 * http://localhost:PORT): a code is its token, so the links follow the settings of the
 * process that prints them, not those of the `npm run demo` that issued them.
 */
export async function demoScanLinks(dataSource: DataSource, publicUrl: string): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT c.token, coalesce(s.name, w.name, f.name, '') AS name
       FROM service_code c
       LEFT JOIN gig_station s ON c.target_kind = 'GIG_STATION' AND s.id = c.target_id
       LEFT JOIN workshop w ON c.target_kind = 'WORKSHOP' AND w.id = c.target_id
       LEFT JOIN job_fair f ON c.target_kind = 'JOB_FAIR' AND f.id = c.target_id
      WHERE c.label = $1 AND c.revoked_at IS NULL AND c.replaced_by_id IS NULL
      ORDER BY CASE c.target_kind WHEN 'GIG_STATION' THEN 1 WHEN 'WORKSHOP' THEN 2 ELSE 3 END, c.issued_at, c.id`,
    [DEMO_CODE_LABEL],
  )) as { token: string; name: string }[];
  return rows.map((r) => `  ${publicUrl}/c/${r.token}  ${r.name}`);
}
