import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, RouterProvider, matchPath, navigate, useLocation } from './router.js';
import { safeNextPath } from './sign-in-page.js';

afterEach(() => window.history.replaceState(null, '', '/'));

function Where() {
  const location = useLocation();
  return (
    <>
      <p data-testid="where">{location.pathname + location.search}</p>
      <Link to="/history">History</Link>
    </>
  );
}

describe('matchPath', () => {
  it('matches literal parts and decodes parameters', () => {
    expect(matchPath('/assessments/:id', '/assessments/a-1%3A2')).toEqual({ id: 'a-1:2' });
    expect(matchPath('/assessments/:id', '/assessments/a-1/')).toEqual({ id: 'a-1' });
    expect(matchPath('/speaking/sessions/:id', '/speaking/a')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/writing', '/reading')).toBeNull();
    expect(matchPath('/x/:id', '/x/%E0%A4%A')).toBeNull();
  });
});

describe('navigation', () => {
  it('follows links and navigate() without reloading, and back/forward', () => {
    render(
      <RouterProvider>
        <Where />
      </RouterProvider>,
    );
    expect(screen.getByTestId('where').textContent).toBe('/');
    fireEvent.click(screen.getByRole('link', { name: 'History' }));
    expect(screen.getByTestId('where').textContent).toBe('/history');
    act(() => navigate('/writing?type=writing_task2'));
    expect(screen.getByTestId('where').textContent).toBe('/writing?type=writing_task2');
    act(() => {
      window.history.back();
    });
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        expect(screen.getByTestId('where').textContent).toBe('/history');
        resolve();
      }, 50);
    });
  });
});

describe('safeNextPath', () => {
  it('follows only paths inside the app', () => {
    expect(safeNextPath('/writing/w2-001')).toBe('/writing/w2-001');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example/path')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
