/**
 * Minimal but well-formed audio containers of a chosen length, written the way recorders
 * write them, for the voice-note checks: WebM as Chrome's MediaRecorder writes it (segment
 * and clusters of unknown size, no Duration), Ogg Opus pages, MP4 with an mvhd duration or
 * fragmented (moof/trun only), and ADTS AAC frames.
 */

function ebmlId(id: number): Buffer {
  const bytes: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from(bytes);
}
function ebmlSize(size: number | 'unknown'): Buffer {
  if (size === 'unknown') return Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  const b = Buffer.alloc(8);
  b.writeUInt32BE(Math.floor(size / 2 ** 32) | 0x01000000, 0);
  b.writeUInt32BE(size >>> 0, 4);
  return b;
}
function el(id: number, body: Buffer | 'unknown-master', children: Buffer[] = []): Buffer {
  if (body === 'unknown-master') return Buffer.concat([ebmlId(id), ebmlSize('unknown'), ...children]);
  return Buffer.concat([ebmlId(id), ebmlSize(body.length), body]);
}
function uintBytes(value: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  b.writeUIntBE(value, 0, size);
  return b;
}

/** Opus in WebM, blocks every 20 ms for `seconds`, clusters every 5 s; `video` adds a video track. */
export function webmAudio(seconds: number, options: { video?: boolean } = {}): Buffer {
  const header = el(0x1a45dfa3, Buffer.concat([el(0x4282, Buffer.from('webm')), el(0x4287, uintBytes(4, 1))]));
  const info = el(0x1549a966, Buffer.concat([el(0x2ad7b1, uintBytes(1_000_000, 3)), el(0x4d80, Buffer.from('Chrome'))]));
  const audioTrack = el(0xae, Buffer.concat([el(0xd7, uintBytes(1, 1)), el(0x83, uintBytes(2, 1)), el(0x86, Buffer.from('A_OPUS'))]));
  const videoTrack = el(0xae, Buffer.concat([el(0xd7, uintBytes(2, 1)), el(0x83, uintBytes(1, 1)), el(0x86, Buffer.from('V_VP8'))]));
  const tracks = el(0x1654ae6b, Buffer.concat(options.video ? [audioTrack, videoTrack] : [audioTrack]));
  const clusters: Buffer[] = [];
  const totalMs = Math.round(seconds * 1000);
  for (let start = 0; start < totalMs; start += 5000) {
    const blocks: Buffer[] = [el(0xe7, uintBytes(start, 4))];
    for (let t = start; t < Math.min(start + 5000, totalMs - 19); t += 20) {
      const rel = Buffer.alloc(2);
      rel.writeInt16BE(t - start, 0);
      blocks.push(el(0xa3, Buffer.concat([Buffer.from([0x81]), rel, Buffer.from([0x80, 0xfc, 0xff, 0xfe])])));
    }
    clusters.push(el(0x1f43b675, 'unknown-master', blocks));
  }
  return Buffer.concat([header, el(0x18538067, 'unknown-master', [info, tracks, ...clusters])]);
}

function oggPage(granule: bigint, sequence: number, packet: Buffer, flags = 0): Buffer {
  const head = Buffer.alloc(27);
  head.write('OggS', 0, 'latin1');
  head[4] = 0;
  head[5] = flags;
  head.writeBigInt64LE(granule, 6);
  head.writeUInt32LE(0x4a4f4243, 14);
  head.writeUInt32LE(sequence, 18);
  const lacing: number[] = [];
  let left = packet.length;
  while (left >= 255) {
    lacing.push(255);
    left -= 255;
  }
  lacing.push(left);
  head[26] = lacing.length;
  return Buffer.concat([head, Buffer.from(lacing), packet]);
}

/** Ogg Opus of `seconds` (48 kHz granules, pre-skip 312). */
export function oggOpus(seconds: number): Buffer {
  const opusHead = Buffer.alloc(19);
  opusHead.write('OpusHead', 0, 'latin1');
  opusHead[8] = 1;
  opusHead[9] = 1;
  opusHead.writeUInt16LE(312, 10);
  opusHead.writeUInt32LE(48000, 12);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]);
  const pages = [oggPage(0n, 0, opusHead, 2), oggPage(0n, 1, tags)];
  const samples = Math.round(seconds * 48000) + 312;
  for (let g = 48000, seq = 2; g < samples + 48000; g += 48000, seq += 1) {
    pages.push(oggPage(BigInt(Math.min(g, samples)), seq, Buffer.alloc(120, 0x42), g >= samples ? 4 : 0));
  }
  return Buffer.concat(pages);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
  return box(type, vf, ...parts);
}
function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
  return b;
}
function hdlr(handler: string): Buffer {
  return fullBox('hdlr', 0, 0, u32(0), Buffer.from(handler, 'latin1'), u32(0, 0, 0), Buffer.from('SoundHandler\0', 'latin1'));
}

/** AAC in MP4 (M4A): `fragmented` writes no durations in mvhd/mdhd, only per-sample ones in moof/trun (as Safari records). */
export function m4a(seconds: number, options: { fragmented?: boolean; handler?: string } = {}): Buffer {
  const scale = 44100;
  const total = options.fragmented ? 0 : Math.round(seconds * scale);
  const mvhd = fullBox('mvhd', 0, 0, u32(0, 0, 1000, Math.round((total / scale) * 1000)), Buffer.alloc(80));
  const mdhd = fullBox('mdhd', 0, 0, u32(0, 0, scale, total), Buffer.alloc(4));
  const trak = box('trak', box('mdia', mdhd, hdlr(options.handler ?? 'soun'), box('minf', box('stbl'))));
  const ftyp = box('ftyp', Buffer.from('M4A ', 'latin1'), u32(0), Buffer.from('isomM4A ', 'latin1'));
  if (!options.fragmented) return Buffer.concat([ftyp, box('moov', mvhd, trak), box('mdat', Buffer.alloc(400))]);
  const frames = Math.round((seconds * scale) / 1024);
  const fragments: Buffer[] = [];
  for (let done = 0; done < frames; done += 100) {
    const count = Math.min(100, frames - done);
    const tfhd = fullBox('tfhd', 0, 0x08, u32(1, 1024));
    const trun = fullBox('trun', 0, 0x200, u32(count), Buffer.alloc(count * 4, 1));
    fragments.push(box('moof', fullBox('mfhd', 0, 0, u32(done / 100 + 1)), box('traf', tfhd, trun)), box('mdat', Buffer.alloc(count)));
  }
  return Buffer.concat([ftyp, box('moov', mvhd, trak, box('mvex')), ...fragments]);
}

/** Raw AAC (ADTS, 44.1 kHz): 1024 samples a frame. */
export function adtsAac(seconds: number): Buffer {
  const frames = Math.round((seconds * 44100) / 1024);
  const frame = Buffer.alloc(24);
  const length = frame.length;
  frame[0] = 0xff;
  frame[1] = 0xf1;
  frame[2] = (1 << 6) | (4 << 2);
  frame[3] = (1 << 6) | ((length >> 11) & 0x03);
  frame[4] = (length >> 3) & 0xff;
  frame[5] = ((length & 0x07) << 5) | 0x1f;
  frame[6] = 0xfc;
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}
