import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { AppState, Pressable, Text } from 'react-native';
import { createQueryClient, followAppState } from './query-client';
import { useApiData } from './use-api-data';
import { usePagedList } from './use-paged-list';

function Greeting({ load }: { load: () => Promise<string> }) {
  const answer = useApiData(['greeting'], load);
  return <Text testID="greeting">{answer.data ?? (answer.loading ? 'loading' : 'none')}</Text>;
}

function Letters({ pages }: { pages: Record<string, { items: string[]; next_cursor: string | null }> }) {
  const list = usePagedList(['letters'], async (cursor) => pages[cursor ?? 'first']!);
  return (
    <>
      <Text testID="letters">{list.items.join(',')}</Text>
      {list.hasMore ? (
        <Pressable accessibilityRole="button" onPress={list.loadMore}>
          <Text>Load more</Text>
        </Pressable>
      ) : null}
    </>
  );
}

test('reads a screen’s data afresh when the app comes back to the foreground, keeping what it shows meanwhile', async () => {
  const stop = followAppState();
  const answers = ['hello', 'hello again'];
  const load = jest.fn(async () => answers.shift() ?? 'no more');
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Greeting load={load} />
    </QueryClientProvider>,
  );
  expect(await screen.findByText('hello')).toBeOnTheScreen();
  const onChange = jest.mocked(AppState.addEventListener).mock.calls.at(-1)?.[1] as (state: string) => void;
  act(() => onChange('background'));
  expect(load).toHaveBeenCalledTimes(1);
  act(() => onChange('active'));
  expect(screen.getByTestId('greeting').props.children).toBe('hello');
  expect(await screen.findByText('hello again')).toBeOnTheScreen();
  expect(load).toHaveBeenCalledTimes(2);
  stop();
});

test('walks every page of a list in order, following each cursor, and offers no more after the last', async () => {
  const pages = {
    first: { items: ['a', 'b'], next_cursor: 'after-b' },
    'after-b': { items: ['c', 'd'], next_cursor: 'after-d' },
    'after-d': { items: ['e'], next_cursor: null },
  };
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Letters pages={pages} />
    </QueryClientProvider>,
  );
  expect(await screen.findByText('a,b')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Load more' }));
  expect(await screen.findByText('a,b,c,d')).toBeOnTheScreen();
  fireEvent.press(screen.getByRole('button', { name: 'Load more' }));
  expect(await screen.findByText('a,b,c,d,e')).toBeOnTheScreen();
  expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
});
