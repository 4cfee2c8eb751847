import { describe, expect, it } from 'vitest';
import { chartSchema, questionGroupSchema, speakingSetSchema } from './question.js';

const village = {
  width: 20,
  height: 12,
  views: [
    {
      label: '1995',
      features: [
        {
          shape: 'line',
          kind: 'road',
          label: 'Main Road',
          points: [
            { x: 0, y: 6 },
            { x: 20, y: 6 },
          ],
        },
        { shape: 'rect', kind: 'building', label: 'School', x: 2, y: 7, width: 4, height: 3 },
        { shape: 'circle', kind: 'trees', label: 'Woods', x: 16, y: 3, radius: 2 },
        {
          shape: 'polygon',
          kind: 'water',
          label: 'Pond',
          points: [
            { x: 8, y: 8 },
            { x: 12, y: 8 },
            { x: 10, y: 11 },
          ],
        },
      ],
    },
  ],
};

const mapChart = (map: unknown) => ({
  chart_type: 'map',
  title: 'A village',
  categories: [],
  series: [],
  steps: ['A road runs east to west'],
  map,
});

describe('map charts', () => {
  it('keeps maps written as steps alone valid', () => {
    const parsed = chartSchema.parse({ chart_type: 'map', title: 'A village', categories: ['1995'], series: [], steps: ['1995: a road'] });
    expect(parsed.map).toBeUndefined();
  });

  it('carries drawable features with positions, per period', () => {
    const parsed = chartSchema.parse(mapChart(village));
    expect(parsed.map?.views[0]?.features.map((feature) => feature.shape)).toEqual(['line', 'rect', 'circle', 'polygon']);
  });

  it('refuses a feature that reaches outside the grid, naming it', () => {
    const outside = structuredClone(village);
    outside.views[0]?.features.push({ shape: 'rect', kind: 'building', label: 'Hotel', x: 18, y: 1, width: 4, height: 2 });
    const result = chartSchema.safeParse(mapChart(outside));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['map', 'views', 0, 'features', 4]);
    expect(result.error?.issues[0]?.message).toMatch(/"Hotel" reaches outside the 20 × 12 grid/);
    const overTheEdge = structuredClone(village);
    overTheEdge.views[0]?.features.push({ shape: 'circle', kind: 'trees', label: 'Copse', x: 1, y: 6, radius: 2 });
    expect(chartSchema.safeParse(mapChart(overTheEdge)).success).toBe(false);
  });

  it('refuses unknown shapes and map data on a chart that is not a map', () => {
    const unknownShape = structuredClone(village) as { views: Array<{ features: unknown[] }> };
    unknownShape.views[0]?.features.push({ shape: 'star', kind: 'other', label: 'Statue', x: 1, y: 1 });
    expect(chartSchema.safeParse(mapChart(unknownShape)).success).toBe(false);
    const result = chartSchema.safeParse({ ...mapChart(village), chart_type: 'bar' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['map']]);
  });
});

describe('diagram-label groups', () => {
  const wall = {
    title: 'An earth wall in cross-section',
    drawing: {
      width: 10,
      height: 12,
      views: [
        {
          label: 'Cross-section',
          features: [
            { shape: 'rect', kind: 'building', label: 'wall', x: 3, y: 3, width: 4, height: 7 },
            { shape: 'rect', kind: 'other', label: 'base', x: 2, y: 10, width: 6, height: 2 },
          ],
        },
      ],
    },
    labels: [
      { number: 2, x: 5, y: 6 },
      { number: 1, x: 5, y: 11 },
    ],
  };
  const group = (diagram: unknown, numbers = [1, 2]) => ({
    group_id: 'ra-test-01-q01-02',
    part: 1,
    instructions: 'Questions 1–2. Label the diagram below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
    answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
    questions: numbers.map((number) => ({ number, text: `part ${number}` })),
    diagram,
  });

  it('keeps groups without a diagram as they were', () => {
    const { diagram: _, ...plain } = group(undefined);
    expect(questionGroupSchema.parse(plain).diagram).toBeUndefined();
  });

  it('carries a drawing and one numbered label per question, in any order', () => {
    const parsed = questionGroupSchema.parse(group(wall));
    expect(parsed.diagram?.labels.map((label) => label.number)).toEqual([2, 1]);
    expect(parsed.diagram?.drawing.views[0]?.features.map((feature) => feature.label)).toEqual(['wall', 'base']);
  });

  it('refuses labels that are not exactly the group’s question numbers', () => {
    for (const labels of [
      [{ number: 1, x: 5, y: 11 }],
      [...wall.labels, { number: 3, x: 1, y: 1 }],
      [
        { number: 1, x: 5, y: 11 },
        { number: 1, x: 5, y: 6 },
      ],
    ]) {
      const result = questionGroupSchema.safeParse(group({ ...wall, labels }));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
        [['diagram', 'labels'], 'the diagram needs one label for each of the group’s question numbers, and no others'],
      ]);
    }
  });

  it('refuses a label off the grid and a drawing of more than one view, saying where', () => {
    const offGrid = questionGroupSchema.safeParse(group({ ...wall, labels: [wall.labels[0], { number: 1, x: 11, y: 3 }] }));
    expect(offGrid.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['diagram', 'labels', 1], 'label 1 lies outside the 10 × 12 grid'],
    ]);
    const views = [...wall.drawing.views, { ...wall.drawing.views[0], label: 'After' }];
    const twoViews = questionGroupSchema.safeParse(group({ ...wall, drawing: { ...wall.drawing, views } }));
    expect(twoViews.error?.issues.map((issue) => issue.path)).toEqual([['diagram', 'drawing', 'views']]);
  });

  it('refuses a drawing whose feature leaves the grid, as a map does', () => {
    const features = [{ shape: 'rect', kind: 'other', label: 'roof', x: 0, y: 0, width: 11, height: 1 }];
    const result = questionGroupSchema.safeParse(
      group({ ...wall, drawing: { ...wall.drawing, views: [{ label: 'Cross-section', features }] } }),
    );
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['diagram', 'drawing', 'views', 0, 'features', 0]]);
  });
});

describe('speaking sets', () => {
  const set = {
    part1: { topic: 'Work', questions: ['Do you work?', 'Why?', 'Do you like music?', 'Which kinds?'] },
    part2: { topic: 'Describe a song', prompts: ['what it is'], closing: 'and explain why you like it.' },
    part3: { topic: 'Music', questions: ['Why do people like music?'] },
  };

  it('splits part 1 into topics whose counts cover its questions', () => {
    const parsed = speakingSetSchema.parse({
      ...set,
      part1: {
        ...set.part1,
        topics: [
          { topic: 'Work', question_count: 2 },
          { topic: 'Music', question_count: 2 },
        ],
      },
    });
    expect(parsed.part1.topics?.map((topic) => topic.topic)).toEqual(['Work', 'Music']);
    expect(speakingSetSchema.parse(set).part1.topics).toBeUndefined();
  });

  it('refuses topics whose counts do not add up to the questions', () => {
    const result = speakingSetSchema.safeParse({ ...set, part1: { ...set.part1, topics: [{ topic: 'Work', question_count: 3 }] } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['part1', 'topics']]);
  });
});
