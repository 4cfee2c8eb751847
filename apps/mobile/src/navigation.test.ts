import { navigationReducer, type Route } from './navigation';

describe('navigationReducer', () => {
  const home: Route = { name: 'home' };
  const questions: Route = { name: 'writing-questions', type: 'writing_task2' };
  const task: Route = { name: 'writing-task', questionId: 'wt2-remote-work' };

  it('pushes, replaces and pops', () => {
    let stack = navigationReducer([home], { type: 'push', route: questions });
    stack = navigationReducer(stack, { type: 'push', route: task });
    expect(stack).toEqual([home, questions, task]);
    stack = navigationReducer(stack, { type: 'replace', route: { name: 'history' } });
    expect(stack.map((route) => route.name)).toEqual(['home', 'writing-questions', 'history']);
    stack = navigationReducer(stack, { type: 'back' });
    expect(stack).toEqual([home, questions]);
  });

  it('never pops the first screen, and reset starts a new stack', () => {
    expect(navigationReducer([home], { type: 'back' })).toEqual([home]);
    expect(navigationReducer([home, questions, task], { type: 'reset', route: { name: 'sign-in' } })).toEqual([{ name: 'sign-in' }]);
  });
});
