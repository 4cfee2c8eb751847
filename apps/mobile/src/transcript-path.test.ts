import { describeTranscriptPath, transcriptPathFor } from './transcript-path';

describe('transcriptPathFor', () => {
  const gemini = { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true } as const;
  const offline = { scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false } as const;

  it('lets the server transcribe when it can, else the device when it can, else typing', () => {
    expect(transcriptPathFor(gemini, true)).toBe('server');
    expect(transcriptPathFor(gemini, false)).toBe('server');
    expect(transcriptPathFor(offline, true)).toBe('device');
    expect(transcriptPathFor(offline, false)).toBe('typed');
    // A server that cannot say: send a transcript, which every server takes.
    expect(transcriptPathFor(null, true)).toBe('device');
    expect(transcriptPathFor(null, false)).toBe('typed');
  });

  it('says whether Pronunciation is assessed', () => {
    expect(describeTranscriptPath('server', gemini).description).toMatch(/Pronunciation is assessed/);
    expect(describeTranscriptPath('device', offline).description).toMatch(/Pronunciation is not assessed/);
    expect(describeTranscriptPath('typed', null).description).toMatch(/Pronunciation is not assessed/);
  });
});
