// Reads a PDF on stdin and writes one page as a PNG to stdout (pdf.js + @napi-rs/canvas, via
// pdf-parse), as a phone camera pointed at the printed page would see it.
// Run as a child process, like extract-pdf-text.mjs. Argument: the page number (1-based; -1 for the last).
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const wanted = Number(process.argv[2] ?? 1);
  const options = wanted < 0 ? { last: -wanted } : { partial: [wanted] };
  const result = await parser.getScreenshot({ ...options, scale: 2, imageBuffer: true, imageDataUrl: false });
  process.stdout.write(Buffer.from(result.pages[0].data));
} finally {
  await parser.destroy();
}
