// Reads a PDF on stdin and prints its text per page as JSON, with pdf-parse (pdf.js).
// Run as a child process: pdf.js loads its worker with a dynamic import, which jest's
// CommonJS sandbox cannot do.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const result = await parser.getText({ pageJoiner: '' });
  process.stdout.write(JSON.stringify({ total: result.total, pages: result.pages.map((page) => page.text) }));
} finally {
  await parser.destroy();
}
