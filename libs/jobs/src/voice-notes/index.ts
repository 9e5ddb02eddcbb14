export * from './audio-probe';
export * from './job-voice-note.entity';
export * from './voice-note.object';
export * from './voice-notes.service';
