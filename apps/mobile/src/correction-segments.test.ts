import type { InlineCorrection } from '@ielts-genai-prep/core';
import { correctionSegments } from './correction-segments';

const correction = (quote: string, suggestion = ''): InlineCorrection => ({ quote, suggestion, category: 'grammar', explanation: '' });

it('marks every whole-word occurrence of each quote, in reading order', () => {
  const answer = 'Peple say technolgy helps peple. It are true.';
  expect(correctionSegments(answer, [correction('peple', 'people'), correction('technolgy'), correction('It are')])).toEqual([
    { text: 'Peple', correction: 0 },
    { text: ' say ', correction: null },
    { text: 'technolgy', correction: 1 },
    { text: ' helps ', correction: null },
    { text: 'peple', correction: 0 },
    { text: '. ', correction: null },
    { text: 'It are', correction: 2 },
    { text: ' true.', correction: null },
  ]);
});

it('leaves parts of other words alone', () => {
  expect(
    correctionSegments('A bit are odd; it are wrong', [correction('it are')]).map((segment) => [segment.text, segment.correction]),
  ).toEqual([
    ['A bit are odd; ', null],
    ['it are', 0],
    [' wrong', null],
  ]);
  expect(correctionSegments('people peple', [correction('ple')]).map((segment) => segment.correction)).toEqual([null]);
});

it('lets an earlier correction keep a span, marks nothing for a quote not found, and returns the whole answer', () => {
  const answer = 'many reason for it';
  const segments = correctionSegments(answer, [correction('many reason'), correction('reason'), correction('absent')]);
  expect(segments).toEqual([
    { text: 'many reason', correction: 0 },
    { text: ' for it', correction: null },
  ]);
  expect(segments.map((segment) => segment.text).join('')).toBe(answer);
  expect(correctionSegments('', [correction('x')])).toEqual([]);
});

it('keeps two neighbouring corrections apart', () => {
  expect(
    correctionSegments('peple technolgy', [correction('peple'), correction('technolgy')]).map((segment) => segment.correction),
  ).toEqual([0, null, 1]);
  expect(correctionSegments('ab', [correction('a'), correction('b')]).map((segment) => segment.correction)).toEqual([null]);
});
