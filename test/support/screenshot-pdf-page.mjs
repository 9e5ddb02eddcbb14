// Reads a PDF on stdin and writes one page as a PNG to stdout (pdf.js + @napi-rs/canvas, via
// pdf-parse), as a phone camera pointed at the printed page would see it.
// Run as a child process, like extract-pdf-text.mjs. Arguments: the page number (1-based; -1 for the last), the scale (default 2).
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const wanted = Number(process.argv[2] ?? 1);
  const options = wanted < 0 ? { last: -wanted } : { partial: [wanted] };
  const scale = Number(process.argv[3] ?? 2);
  const result = await parser.getScreenshot({ ...options, scale, imageBuffer: true, imageDataUrl: false });
  process.stdout.write(Buffer.from(result.pages[0].data));
} finally {
  await parser.destroy();
}
