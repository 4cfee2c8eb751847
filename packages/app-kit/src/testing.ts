// Test fixtures both apps draw from, so the web and the phone are tested on the same items.
// Not for production code: nothing in `src/index.ts` imports this file.

/**
 * A diagram-label group (questions 7–9 on a mangrove tree) as content writes it, before core's
 * schema parses it: labels out of order, and 8 on the very corner, which apps must still draw
 * inside the frame.
 */
export const DIAGRAM_LABEL_GROUP = {
  group_id: 'g-diagram',
  part: 1,
  instructions: 'Questions 7–9. Label the diagram below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
  answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
  questions: [
    { number: 7, text: 'roots that work as very fine ________' },
    { number: 8, text: 'salt pushed out through ________ on the leaves' },
    { number: 9, text: 'a ________ that grows on the parent tree' },
  ],
  diagram: {
    title: 'A mangrove tree',
    drawing: {
      width: 12,
      height: 12,
      views: [
        {
          label: 'At low tide',
          features: [
            { shape: 'rect', kind: 'parking', label: 'mud', x: 0, y: 9, width: 12, height: 3 },
            { shape: 'circle', kind: 'trees', label: 'leaves with glands', x: 6, y: 3, radius: 3 },
            {
              shape: 'line',
              kind: 'building',
              label: 'root filter',
              points: [
                { x: 6, y: 6 },
                { x: 2, y: 11 },
              ],
            },
          ],
        },
      ],
    },
    // Out of order, and 8 on the very edge: drawn inside the frame all the same.
    labels: [
      { number: 9, x: 6, y: 6 },
      { number: 7, x: 1, y: 11 },
      { number: 8, x: 12, y: 0 },
    ],
  },
} as const;
