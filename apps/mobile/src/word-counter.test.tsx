import { render, screen } from '@testing-library/react-native';
import { WordCounter } from './word-counter';

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
