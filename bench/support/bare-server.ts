import { createServer, type Server } from 'node:http';

import { type Pool } from 'pg';

/**
 * The ceiling a benchmark compares the API with: a bare node:http server answering one
 * hand-written statement as JSON, on the same pool size and database. Resolves with the server
 * and its port once it listens.
 */
export async function startBareServer(pool: Pool, sql: string, params: unknown[]): Promise<{ server: Server; port: number }> {
  const server = createServer(async (_request, response) => {
    try {
      const { rows } = await pool.query(sql, params);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { jobs: rows } }));
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}
