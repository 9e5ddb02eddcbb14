import { readFileSync, writeFileSync } from 'node:fs';

export const README_START = '<!-- bench:all start -->';
export const README_END = '<!-- bench:all end -->';

/**
 * Replaces what lies between the `bench:all` markers of the README's Performance section with
 * `table` (bench/out/bench-all.md), leaving the prose around the markers as it is, and formats
 * the file with the project's Prettier settings so that `prettier --check` still passes.
 */
export async function writeReadmeSection(readmePath: string, table: string): Promise<void> {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${readmePath} has no "${README_START}" … "${README_END}" markers to write between`);
  const rewritten = `${readme.slice(0, start + README_START.length)}\n\n${table.trim()}\n\n${readme.slice(end)}`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(readmePath)) ?? {};
  writeFileSync(readmePath, await prettier.format(rewritten, { ...options, filepath: readmePath }));
}
