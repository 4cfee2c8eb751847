import { audioMimeTypeOf } from './answer-recorder';
import { speakText, splitForSpeech } from './spoken-text';
import { fakeSpeech, finishSpeaking } from './test-support/fake-expo-speech';

describe('splitForSpeech', () => {
  it('keeps a short text whole and cuts a long one at sentence ends under the limit', () => {
    expect(splitForSpeech('  Where is your home town?  ', 100)).toEqual(['Where is your home town?']);
    const pieces = splitForSpeech('One two three. Four five six. Seven eight nine.', 32);
    expect(pieces).toEqual(['One two three. Four five six.', 'Seven eight nine.']);
    for (const piece of splitForSpeech('word '.repeat(200), 50)) expect(piece.length).toBeLessThanOrEqual(50);
  });
});

describe('speakText', () => {
  it('speaks in British English by default and resolves when the voice is done', async () => {
    const spoken = speakText('Where is your home town?');
    expect(fakeSpeech.utterances.map((utterance) => [utterance.text, utterance.options.language])).toEqual([
      ['Where is your home town?', 'en-GB'],
    ]);
    finishSpeaking();
    await expect(spoken).resolves.toBe('done');
  });
});

describe('audioMimeTypeOf', () => {
  it('names the accepted type of a recording by its extension', () => {
    expect(audioMimeTypeOf('file:///data/recordings/answer.m4a')).toBe('audio/mp4');
    expect(audioMimeTypeOf('file:///x/answer.WAV')).toBe('audio/wav');
    expect(audioMimeTypeOf('blob:https://app.example/123')).toBeNull();
    expect(audioMimeTypeOf('file:///x/answer.3gp')).toBeNull();
  });
});
