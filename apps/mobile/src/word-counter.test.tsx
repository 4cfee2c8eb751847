import { render, screen } from '@testing-library/react-native';
import { WordCounter, wordCountStatus } from './word-counter';

describe('wordCountStatus', () => {
  it('counts as IELTS does: a hyphenated word or a contraction is one word', () => {
    expect(wordCountStatus("Well-known cities don't always grow.", 250)).toEqual({
      words: 5,
      minimum: 250,
      remaining: 245,
      reached: false,
    });
    expect(wordCountStatus('   ', 250)).toEqual({ words: 0, minimum: 250, remaining: 250, reached: false });
  });

  it('is reached at the minimum exactly', () => {
    expect(wordCountStatus('word '.repeat(249), 250).reached).toBe(false);
    expect(wordCountStatus('word '.repeat(250), 250)).toEqual({ words: 250, minimum: 250, remaining: 0, reached: true });
    expect(wordCountStatus('word '.repeat(300), 250).remaining).toBe(0);
  });
});

describe('WordCounter', () => {
  it('shows the count and how many words are still needed', () => {
    render(<WordCounter text="Cities should invest in public transport." minimum={250} />);
    expect(screen.getByText('6 words · 244 more to reach the minimum of 250')).toBeOnTheScreen();
  });

  it('uses the singular for one word, and says when the minimum is reached', () => {
    const { rerender } = render(<WordCounter text="Traffic" minimum={3} />);
    expect(screen.getByText('1 word · 2 more to reach the minimum of 3')).toBeOnTheScreen();
    rerender(<WordCounter text="Traffic is growing" minimum={3} />);
    expect(screen.getByText('3 words · minimum of 3 reached')).toBeOnTheScreen();
  });
});
