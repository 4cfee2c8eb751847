import { NARRATOR, assignSpeakerVoices, transcriptLines } from './speaker-voices';
import { fakeVoice } from './test-support/fake-expo-speech';

describe('transcriptLines', () => {
  it('splits SPEAKER: text lines, continues unnamed lines with the speaker before, and drops blank ones', () => {
    expect(
      transcriptLines(
        'You will hear a conversation.\n\nRECEPTIONIST: Good morning.\nHow can I help?\r\nMR O’NEILL: I’d like to book.\nANNA:   \nDR. LEE: Fine.',
      ),
    ).toEqual([
      { speaker: NARRATOR, text: 'You will hear a conversation.' },
      { speaker: 'RECEPTIONIST', text: 'Good morning.' },
      { speaker: 'RECEPTIONIST', text: 'How can I help?' },
      { speaker: 'MR O’NEILL', text: 'I’d like to book.' },
      { speaker: 'DR. LEE', text: 'Fine.' },
    ]);
  });

  it('does not take a sentence with a colon for a speaker', () => {
    expect(transcriptLines('GUIDE: Remember: the café closes at five.')).toEqual([
      { speaker: 'GUIDE', text: 'Remember: the café closes at five.' },
    ]);
    expect(transcriptLines('Note the time: 5 pm.')).toEqual([{ speaker: NARRATOR, text: 'Note the time: 5 pm.' }]);
  });
});

describe('assignSpeakerVoices', () => {
  it('gives each speaker a different English voice, British ones first', () => {
    const voices = [fakeVoice('us-1', 'en-US'), fakeVoice('fr-1', 'fr-FR'), fakeVoice('gb-1', 'en-GB'), fakeVoice('gb-2', 'en_GB')];
    const assigned = assignSpeakerVoices(['A', 'B', 'A', 'C'], voices);
    expect([...assigned.keys()]).toEqual(['A', 'B', 'C']);
    expect(assigned.get('A')).toMatchObject({ voice: 'gb-1', language: 'en-GB' });
    expect(assigned.get('B')).toMatchObject({ voice: 'gb-2' });
    expect(assigned.get('C')).toMatchObject({ voice: 'us-1', language: 'en-US' });
  });

  it('reuses voices at another pitch when speakers outnumber them', () => {
    const assigned = assignSpeakerVoices(['A', 'B', 'C'], [fakeVoice('gb-1', 'en-GB'), fakeVoice('au-1', 'en-AU')]);
    expect(assigned.get('C')?.voice).toBe(assigned.get('A')?.voice);
    expect(assigned.get('C')?.pitch).not.toBe(assigned.get('A')?.pitch);
  });

  it('tells speakers apart by pitch with one English voice or none', () => {
    for (const voices of [[fakeVoice('gb-1', 'en-GB'), fakeVoice('de-1', 'de-DE')], []]) {
      const assigned = assignSpeakerVoices(['A', 'B', 'C'], voices);
      const pitches = ['A', 'B', 'C'].map((speaker) => assigned.get(speaker)?.pitch);
      expect(new Set(pitches).size).toBe(3);
      expect(assigned.get('A')?.language).toBe('en-GB');
    }
    expect(assignSpeakerVoices(['A'], []).get('A')?.voice).toBeUndefined();
  });
});
