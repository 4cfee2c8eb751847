import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { WordCounter } from './word-counter.js';

function Editor({ minimum }: { minimum: number }) {
  const [text, setText] = useState('');
  return (
    <>
      <textarea aria-label="Essay" value={text} onChange={(event) => setText(event.target.value)} />
      <WordCounter text={text} minimum={minimum} />
    </>
  );
}

describe('WordCounter', () => {
  it('updates live while typing and says how many words are still needed', () => {
    render(<Editor minimum={5} />);
    const essay = screen.getByLabelText('Essay');
    expect(screen.getByTestId('word-count').textContent).toBe('0');
    expect(screen.getByTestId('word-counter').textContent).toContain('5 more to reach the minimum of 5');

    fireEvent.change(essay, { target: { value: 'Cities are growing   fast' } });
    expect(screen.getByTestId('word-count').textContent).toBe('4');
    expect(screen.getByTestId('word-counter').textContent).toContain('1 more to reach the minimum of 5');
    expect(screen.getByTestId('word-counter').className).not.toContain('word-counter-reached');

    fireEvent.change(essay, { target: { value: 'Cities are growing fast, and well-planned transport helps.' } });
    expect(screen.getByTestId('word-count').textContent).toBe('8');
    expect(screen.getByTestId('word-counter').textContent).toContain('minimum of 5 reached');
    expect(screen.getByTestId('word-counter').className).toContain('word-counter-reached');
  });

  it('says "word" for exactly one', () => {
    render(<WordCounter text="Hello" minimum={250} />);
    expect(screen.getByTestId('word-counter').textContent).toMatch(/^1 word ·/);
  });
});
