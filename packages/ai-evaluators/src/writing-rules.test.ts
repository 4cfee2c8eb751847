import { describe, expect, it } from 'vitest';
import { countWords } from '@ielts-genai-prep/core';
import { TASK1_ESSAY, TASK1_PROMPT, TASK2_ESSAY, TASK2_PROMPT } from './__fixtures__/bedrock-writing-essays.js';
import { checkWritingRules, markCopiedWords, markRepeatedWords, topicStem, WRITING_RULE_LIMITS } from './writing-rules.js';

const words = (text: string) => text.toLowerCase().split(' ');

describe('markCopiedWords', () => {
  it('marks runs of five or more words found in the prompt, and nothing shorter', () => {
    const prompt = words('some people think that children should start school very young');
    const essay = words('it is said that children should start school very young but some people think otherwise');
    const copied = markCopiedWords(essay, prompt, 5);
    expect(essay.filter((_, index) => copied[index]).join(' ')).toBe('that children should start school very young');
    // "some people think" (3 words) is not a copied run.
    expect(copied.slice(-4)).toEqual([false, false, false, false]);
  });
});

describe('markRepeatedWords', () => {
  it('marks later repeats of a five-word run but not overlapping ones', () => {
    const text = words('a b c d e x a b c d e y');
    expect(markRepeatedWords(text, 5).filter(Boolean)).toHaveLength(5);
    expect(markRepeatedWords(words('a a a a a a a a a a a a'), 5).filter(Boolean).length).toBeGreaterThan(0);
    expect(markRepeatedWords(words('a b c d e f g h'), 5).filter(Boolean)).toHaveLength(0);
  });
});

describe('topicStem', () => {
  it('meets inflected forms', () => {
    expect(topicStem('governments')).toBe(topicStem('government'));
    expect(topicStem('studies')).toBe(topicStem('study'));
    expect(topicStem('children')).toBe(topicStem('child'));
    expect(topicStem('paying')).toBe(topicStem('pay'));
  });
});

describe('checkWritingRules', () => {
  it('finds nothing wrong with a full-length, on-topic answer', () => {
    const report = checkWritingRules({ prompt: TASK2_PROMPT, essay: TASK2_ESSAY, minimumWords: 250 });
    expect(report.flags).toEqual([]);
    expect(report.taskBandCap).toBeNull();
    expect(report.countedWords).toBe(countWords(TASK2_ESSAY));
    expect(report.countedWords).toBeGreaterThan(250);
    expect(report.promptCoverage).toBeGreaterThan(0.5);
    expect(report.repetitionShare).toBeLessThan(0.05);
    expect(checkWritingRules({ prompt: TASK1_PROMPT, essay: TASK1_ESSAY, minimumWords: 150 }).flags).toEqual([]);
  });

  it('gives band 1 to 20 counted words or fewer, and band 0 when nothing is the candidate’s own', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => `word${index}`).join(' ');
    const minimal = checkWritingRules({ prompt: TASK2_PROMPT, essay: twenty, minimumWords: 250 });
    expect(minimal).toMatchObject({ minimal: true, minimalBand: 1, countedWords: 20, flags: ['minimal_response'] });
    expect(checkWritingRules({ prompt: TASK2_PROMPT, essay: `${twenty} more`, minimumWords: 250 }).minimal).toBe(false);
    const copiedOnly = checkWritingRules({ prompt: TASK2_PROMPT, essay: TASK2_PROMPT, minimumWords: 250 });
    expect(copiedOnly).toMatchObject({ minimal: true, minimalBand: 0, countedWords: 0 });
    expect(copiedOnly.flags).toEqual(['copied_prompt', 'minimal_response']);
  });

  it('does not count words copied from the prompt, and flags the copying', () => {
    const essay = `${TASK2_PROMPT} ${TASK2_ESSAY}`;
    const report = checkWritingRules({ prompt: TASK2_PROMPT, essay, minimumWords: 250 });
    expect(report.copiedWords).toBe(countWords(TASK2_PROMPT));
    expect(report.countedWords).toBe(countWords(TASK2_ESSAY));
    expect(report.flags).toContain('copied_prompt');
    expect(report.notes[0]).toMatch(/copied from the task were not counted/);
  });

  it('caps the task band of short answers by how short they are', () => {
    const capFor = (count: number) => {
      const text = TASK2_ESSAY.split(/\s+/).slice(0, count).join(' ');
      expect(countWords(text)).toBe(count);
      return checkWritingRules({ prompt: TASK2_PROMPT, essay: text, minimumWords: 250 });
    };
    const short = capFor(100);
    expect(short.flags).toContain('under_length');
    expect(short.taskBandCap).toBe(4);
    expect(capFor(124).taskBandCap).toBe(4);
    expect(capFor(125).taskBandCap).toBe(5);
    expect(capFor(187).taskBandCap).toBe(5);
    expect(capFor(188).taskBandCap).toBe(6);
    expect(capFor(215).taskBandCap).toBe(6);
    expect(capFor(225).taskBandCap).toBe(7);
    expect(capFor(249).taskBandCap).toBe(7);
    expect(capFor(250).flags).not.toContain('under_length');
    expect(capFor(250).taskBandCap).toBeNull();
    expect(short.notes.join(' ')).toMatch(/counted words; this task needs at least 250/);
  });

  it('flags an answer about something else as off topic and caps its task band', () => {
    const offTopic = `${TASK1_ESSAY}\n\n${TASK1_ESSAY.replace(/Canada/g, 'Peru')}`;
    const report = checkWritingRules({ prompt: TASK2_PROMPT, essay: offTopic, minimumWords: 250 });
    expect(report.flags).toContain('off_topic');
    expect(report.taskBandCap).toBeLessThanOrEqual(WRITING_RULE_LIMITS.offTopicCap);
    expect(report.promptCoverage).toBeLessThan(WRITING_RULE_LIMITS.offTopicCoverage);
  });

  it('flags heavy repetition and caps the task band', () => {
    const paragraph = TASK2_ESSAY.split('\n\n')[1] as string;
    const padded = `${TASK2_ESSAY}\n\n${paragraph}\n\n${paragraph}`;
    const report = checkWritingRules({ prompt: TASK2_PROMPT, essay: padded, minimumWords: 250 });
    expect(report.flags).toContain('repetition');
    expect(report.repetitionShare).toBeGreaterThanOrEqual(WRITING_RULE_LIMITS.repetitionShare);
    expect(report.taskBandCap).toBe(WRITING_RULE_LIMITS.repetitionCap);
  });
});
