/**
 * What a voice-note upload really is, read from its bytes (never from the file name or the
 * browser's content type): the container, and how long the sound lasts. Four kinds are
 * accepted because they are what phones record: Opus in WebM (Chrome and Android's
 * MediaRecorder), Ogg (Opus or Vorbis; Firefox), AAC in MP4/M4A (Safari, iOS, WeChat) and
 * raw AAC (ADTS). A file with a video track is refused.
 */
export type VoiceNoteMime = 'audio/webm' | 'audio/ogg' | 'audio/mp4' | 'audio/aac';

export interface AudioProbe {
  mimeType: VoiceNoteMime;
  /** Length of the sound in seconds (fractional). */
  durationSeconds: number;
}

export type ProbeFailure = 'UNKNOWN_FORMAT' | 'VIDEO' | 'NO_DURATION';

/** The container and duration of an upload, or why it cannot be a voice note. */
export function probeAudio(bytes: Uint8Array): AudioProbe | ProbeFailure {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < 12) return 'UNKNOWN_FORMAT';
  if (data.toString('latin1', 0, 4) === 'OggS') return ogg(data);
  if (data.readUInt32BE(0) === 0x1a45dfa3) return webm(data);
  if (data.toString('latin1', 4, 8) === 'ftyp') return mp4(data);
  return adts(data);
}

function result(mimeType: VoiceNoteMime, seconds: number): AudioProbe | ProbeFailure {
  return Number.isFinite(seconds) && seconds > 0 ? { mimeType, durationSeconds: seconds } : 'NO_DURATION';
}

// ---- Ogg: the last page's granule position counts samples (48 kHz for Opus, less its pre-skip) ----

function ogg(data: Buffer): AudioProbe | ProbeFailure {
  const head = data.indexOf('OpusHead', 0, 'latin1');
  const vorbis = data.indexOf('\x01vorbis', 0, 'latin1');
  if (head < 0 && vorbis < 0) return 'UNKNOWN_FORMAT';
  if (data.indexOf('theora', 0, 'latin1') >= 0) return 'VIDEO';
  let last = -1;
  for (let at = data.lastIndexOf('OggS', data.length - 4, 'latin1'); at >= 0; at = data.lastIndexOf('OggS', at - 1, 'latin1')) {
    if (at + 14 <= data.length && data[at + 4] === 0) {
      last = at;
      break;
    }
    if (at === 0) break;
  }
  if (last < 0) return 'NO_DURATION';
  const granule = Number(data.readBigInt64LE(last + 6));
  if (head >= 0 && head + 12 <= data.length) return result('audio/ogg', (granule - data.readUInt16LE(head + 10)) / 48_000);
  if (vorbis + 16 > data.length) return 'NO_DURATION';
  return result('audio/ogg', granule / data.readUInt32LE(vorbis + 12));
}

// ---- WebM (Matroska): Info/Duration when written, else the last block's time ----

const EBML = {
  segment: 0x18538067,
  info: 0x1549a966,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  clusterTimecode: 0xe7,
  simpleBlock: 0xa3,
  block: 0xa1,
  docType: 0x4282,
  header: 0x1a45dfa3,
};
const MASTERS = new Set([EBML.header, EBML.segment, EBML.info, EBML.tracks, EBML.trackEntry, EBML.cluster, EBML.blockGroup]);

function vint(data: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  if (at >= data.length) return null;
  const first = data[at];
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length += 1;
  if (length > 8 || at + length > data.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i += 1) {
    value = value * 256 + data[at + i];
    if (data[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function uint(data: Buffer, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i += 1) value = value * 256 + data[at + i];
  return value;
}

function webm(data: Buffer): AudioProbe | ProbeFailure {
  let scale = 1_000_000;
  let declared = 0;
  let cluster = 0;
  let lastBlock = -1;
  let docType = '';
  let at = 0;
  // A flat walk: master elements are entered (their size may be "unknown", as MediaRecorder
  // writes them while recording), everything else is stepped over.
  while (at < data.length) {
    const id = vint(data, at, true);
    if (!id) break;
    const size = vint(data, at + id.length, false);
    if (!size) break;
    const body = at + id.length + size.length;
    if (MASTERS.has(id.value)) {
      at = body;
      continue;
    }
    if (size.unknown || body + size.value > data.length) break;
    switch (id.value) {
      case EBML.docType:
        docType = data.toString('latin1', body, body + size.value);
        break;
      case EBML.trackType:
        if (uint(data, body, size.value) === 1) return 'VIDEO';
        break;
      case EBML.timecodeScale:
        scale = uint(data, body, size.value) || scale;
        break;
      case EBML.duration:
        declared = size.value === 4 ? data.readFloatBE(body) : size.value === 8 ? data.readDoubleBE(body) : 0;
        break;
      case EBML.clusterTimecode:
        cluster = uint(data, body, size.value);
        break;
      case EBML.simpleBlock:
      case EBML.block: {
        const track = vint(data, body, false);
        if (track && body + track.length + 2 <= data.length) lastBlock = Math.max(lastBlock, cluster + data.readInt16BE(body + track.length));
        break;
      }
    }
    at = body + size.value;
  }
  if (docType !== 'webm' && docType !== 'matroska') return 'UNKNOWN_FORMAT';
  const ticks = declared > 0 ? declared : lastBlock >= 0 ? lastBlock + 20_000_000 / scale : 0;
  return result('audio/webm', (ticks * scale) / 1e9);
}

// ---- MP4 / M4A: mvhd (or mehd) duration, else the fragments' sample durations ----

const MP4_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'mvex', 'moof', 'traf', 'edts']);

function mp4(data: Buffer): AudioProbe | ProbeFailure {
  let movieScale = 0;
  let movieDuration = 0;
  let fragmentDuration = 0;
  let mediaScale = 0;
  let summed = 0;
  let defaultDuration = 0;
  let sound = false;
  let video = false;
  const walk = (start: number, end: number): void => {
    let at = start;
    while (at + 8 <= end) {
      let size = data.readUInt32BE(at);
      const type = data.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1) {
        if (at + 16 > end) return;
        size = Number(data.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) return;
      const body = at + header;
      const boxEnd = at + size;
      if (MP4_CONTAINERS.has(type)) walk(body, boxEnd);
      else if (type === 'mvhd' || type === 'mdhd') {
        const v1 = data[body] === 1;
        const scale = data.readUInt32BE(body + (v1 ? 20 : 12));
        const duration = v1 ? Number(data.readBigUInt64BE(body + 24)) : data.readUInt32BE(body + 16);
        if (type === 'mvhd') [movieScale, movieDuration] = [scale, duration];
        else if (!mediaScale) mediaScale = scale;
      } else if (type === 'mehd') {
        fragmentDuration = data[body] === 1 ? Number(data.readBigUInt64BE(body + 4)) : data.readUInt32BE(body + 4);
      } else if (type === 'hdlr' && body + 12 <= boxEnd) {
        const handler = data.toString('latin1', body + 8, body + 12);
        if (handler === 'soun') sound = true;
        if (handler === 'vide') video = true;
      } else if (type === 'tfhd') {
        const flags = data.readUInt32BE(body) & 0xffffff;
        const offset = body + 8 + (flags & 0x01 ? 8 : 0) + (flags & 0x02 ? 4 : 0);
        if (flags & 0x08 && offset + 4 <= boxEnd) defaultDuration = data.readUInt32BE(offset);
      } else if (type === 'trun') {
        const flags = data.readUInt32BE(body) & 0xffffff;
        const count = data.readUInt32BE(body + 4);
        let offset = body + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
        const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
        if (!(flags & 0x100)) summed += count * defaultDuration;
        else for (let i = 0; i < count && offset + 4 <= boxEnd; i += 1, offset += perSample) summed += data.readUInt32BE(offset);
      }
      at = boxEnd;
    }
  };
  walk(0, data.length);
  if (video) return 'VIDEO';
  if (!sound) return 'UNKNOWN_FORMAT';
  if (movieDuration > 0 && movieScale > 0) return result('audio/mp4', movieDuration / movieScale);
  if (fragmentDuration > 0 && movieScale > 0) return result('audio/mp4', fragmentDuration / movieScale);
  return mediaScale > 0 ? result('audio/mp4', summed / mediaScale) : 'NO_DURATION';
}

// ---- raw AAC (ADTS): 1024 samples per frame ----

const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

function adts(data: Buffer): AudioProbe | ProbeFailure {
  let at = 0;
  if (data.toString('latin1', 0, 3) === 'ID3' && data.length >= 10) {
    at = 10 + ((data[6] & 0x7f) << 21) + ((data[7] & 0x7f) << 14) + ((data[8] & 0x7f) << 7) + (data[9] & 0x7f);
  }
  let frames = 0;
  let rate = 0;
  while (at + 7 <= data.length) {
    if (data[at] !== 0xff || (data[at + 1] & 0xf6) !== 0xf0) break;
    const rateIndex = (data[at + 2] >> 2) & 0x0f;
    const frameLength = ((data[at + 3] & 0x03) << 11) | (data[at + 4] << 3) | (data[at + 5] >> 5);
    if (rateIndex >= ADTS_RATES.length || frameLength < 7) break;
    rate = ADTS_RATES[rateIndex];
    frames += 1;
    at += frameLength;
  }
  if (frames === 0) return 'UNKNOWN_FORMAT';
  return result('audio/aac', (frames * 1024) / rate);
}
