import { WRITING_LIMITS, type MapFeature, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

const SUMMARISE_AND_COMPARE =
  'Summarise the information by selecting and reporting the main features, and make comparisons where relevant.';
const SUMMARISE = 'Summarise the information by selecting and reporting the main features.';
const MINIMUM_WORDS = `Write at least ${WRITING_LIMITS.task1.minimumWords} words.`;

/** Builds the prompt as the candidate reads it: the description, the instruction, the length. */
function task1Prompt(description: string, instruction: string): string {
  return `${description}\n\n${instruction}\n\n${MINIMUM_WORDS}`;
}

const task1Limits = {
  word_limit: WRITING_LIMITS.task1.minimumWords,
  time_limit: WRITING_LIMITS.task1.minutes,
} as const;

/** A road on a map grid, drawn as a line through `points` ([x, y] pairs). */
function road(label: string, ...points: Array<[number, number]>): MapFeature {
  return { shape: 'line', kind: 'road', label, points: points.map(([x, y]) => ({ x, y })) };
}

// Ashcombe's features that both of its maps share.
const river: MapFeature = {
  shape: 'line',
  kind: 'water',
  label: 'River',
  points: [
    { x: 0, y: 10 },
    { x: 5, y: 9.8 },
    { x: 12, y: 9.7 },
    { x: 20, y: 10.2 },
  ],
};
const woodland: MapFeature = { shape: 'rect', kind: 'trees', label: 'Woodland', x: 0, y: 11, width: 5, height: 3 };

/**
 * Academic Writing task 1 practice items, each with its chart's data so an app can draw it.
 * The figures are invented for practice and describe no real place.
 */
export const writingTask1AcademicQuestions: Question[] = [
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-001',
    assessment_type: 'writing_task1_academic',
    title: 'Weekly hours spent on leisure activities by age group',
    prompt: task1Prompt(
      'The bar chart below shows the average number of hours per week that people in five age groups in one country spent on three leisure activities in 2022.',
      SUMMARISE_AND_COMPARE,
    ),
    chart: {
      chart_type: 'bar',
      title: 'Average weekly hours spent on leisure activities, by age group (2022)',
      categories: ['16–24', '25–34', '35–49', '50–64', '65+'],
      series: [
        { name: 'Streaming video', values: [14.5, 11.2, 8.6, 7.9, 9.4] },
        { name: 'Sport and exercise', values: [5.8, 4.1, 3.2, 2.9, 2.4] },
        { name: 'Reading', values: [2.1, 2.6, 3.4, 5.2, 7.8] },
      ],
      unit: 'hours per week',
      x_label: 'Age group',
      y_label: 'Hours per week',
      steps: [],
    },
    tags: ['bar-chart', 'leisure', 'comparison'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-002',
    assessment_type: 'writing_task1_academic',
    title: 'Sources of electricity generation, 2000–2020',
    prompt: task1Prompt(
      'The line graph below shows the percentage of electricity generated from four sources in one country between 2000 and 2020.',
      SUMMARISE_AND_COMPARE,
    ),
    chart: {
      chart_type: 'line',
      title: 'Share of electricity generated, by source (2000–2020)',
      categories: ['2000', '2005', '2010', '2015', '2020'],
      series: [
        { name: 'Coal', values: [52, 48, 41, 30, 18] },
        { name: 'Natural gas', values: [21, 25, 29, 31, 27] },
        { name: 'Hydroelectric', values: [18, 17, 16, 16, 15] },
        { name: 'Wind and solar', values: [1, 3, 8, 17, 33] },
      ],
      unit: '%',
      x_label: 'Year',
      y_label: 'Percentage of total electricity generated',
      steps: [],
    },
    tags: ['line-graph', 'energy', 'trends'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-003',
    assessment_type: 'writing_task1_academic',
    title: 'A university budget in 2005 and 2025',
    prompt: task1Prompt('The pie charts below show how a university spent its annual budget in 2005 and in 2025.', SUMMARISE_AND_COMPARE),
    chart: {
      chart_type: 'pie',
      title: 'University spending by category, 2005 and 2025',
      categories: ['Staff salaries', 'Buildings and maintenance', 'Research', 'Student services', 'IT and library', 'Other'],
      series: [
        { name: '2005', values: [54, 18, 12, 6, 7, 3] },
        { name: '2025', values: [49, 12, 18, 9, 10, 2] },
      ],
      unit: '%',
      x_label: null,
      y_label: null,
      steps: [],
    },
    tags: ['pie-chart', 'education', 'comparison'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-004',
    assessment_type: 'writing_task1_academic',
    title: 'Passenger numbers at four regional airports',
    prompt: task1Prompt(
      'The table below shows the number of passengers, in millions, who used four regional airports in 2019, 2021 and 2023.',
      SUMMARISE_AND_COMPARE,
    ),
    chart: {
      chart_type: 'table',
      title: 'Passengers using four regional airports (millions)',
      categories: ['2019', '2021', '2023'],
      series: [
        { name: 'Northbay', values: [12.4, 3.1, 11.8] },
        { name: 'Eastport', values: [8.7, 2.2, 9.9] },
        { name: 'Hillcrest', values: [4.1, 1.6, 5.3] },
        { name: 'Westmoor', values: [2.6, 0.9, 2.1] },
      ],
      unit: 'million passengers',
      x_label: 'Year',
      y_label: 'Airport',
      steps: [],
    },
    tags: ['table', 'transport', 'change-over-time'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-005',
    assessment_type: 'writing_task1_academic',
    title: 'How glass bottles are recycled',
    prompt: task1Prompt('The diagram below shows the process by which used glass bottles are recycled into new containers.', SUMMARISE),
    chart: {
      chart_type: 'process',
      title: 'Recycling glass bottles',
      categories: [],
      series: [],
      unit: null,
      x_label: null,
      y_label: null,
      steps: [
        'Used bottles are collected from households and bottle banks',
        'Lorries take the bottles to a recycling plant',
        'Bottles are sorted by colour: clear, green and brown',
        'Labels, caps and other materials are removed and the glass is washed',
        'The clean glass is crushed into small pieces called cullet',
        'Cullet is mixed with sand, soda ash and limestone',
        'The mixture is melted in a furnace at about 1,500°C',
        'The molten glass is shaped in moulds to form new bottles and jars',
        'New containers are cooled slowly and checked for faults',
        'The containers are filled at a factory and sent to shops',
      ],
    },
    tags: ['process', 'recycling', 'manufacturing'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-006',
    assessment_type: 'writing_task1_academic',
    title: 'Changes to the village of Ashcombe',
    prompt: task1Prompt('The maps below show the village of Ashcombe in 1995 and today.', SUMMARISE_AND_COMPARE),
    chart: {
      chart_type: 'map',
      title: 'Ashcombe village, 1995 and today',
      categories: ['1995', 'Today'],
      series: [],
      unit: null,
      x_label: null,
      y_label: null,
      steps: [
        '1995: a main road runs east to west through the centre of the village, with a river to the south',
        '1995: farmland covers the whole area north of the main road',
        '1995: a small primary school, a post office and a row of shops stand on the south side of the main road',
        '1995: a woodland lies in the south-west corner, beside the river',
        'Today: a housing estate of about 120 homes has replaced the farmland north of the road',
        'Today: a roundabout joins the main road to a new access road leading into the housing estate',
        'Today: the school has been extended and a sports field added to its east',
        'Today: the post office has closed and become a café; the shops remain',
        'Today: the woodland is unchanged, and a footpath and footbridge now cross the river to it',
        'Today: a car park and a medical centre stand on the east side of the village',
      ],
      map: {
        width: 20,
        height: 14,
        views: [
          {
            label: '1995',
            features: [
              { shape: 'rect', kind: 'farmland', label: 'Farmland', x: 0, y: 0, width: 20, height: 6 },
              road('Main Road', [0, 7], [5, 7], [20, 7]),
              river,
              { shape: 'rect', kind: 'building', label: 'School', x: 6, y: 7.8, width: 2, height: 1.6 },
              { shape: 'rect', kind: 'building', label: 'Post office', x: 11, y: 7.8, width: 2, height: 1.6 },
              { shape: 'rect', kind: 'building', label: 'Shops', x: 14, y: 7.8, width: 4, height: 1.6 },
              woodland,
            ],
          },
          {
            label: 'Today',
            features: [
              { shape: 'rect', kind: 'building', label: 'Housing estate', x: 1, y: 0.5, width: 13, height: 4.5 },
              road('Access road', [10, 7], [10, 5]),
              road('Main Road', [0, 7], [5, 7], [20, 7]),
              { shape: 'circle', kind: 'road', label: 'Roundabout', x: 10, y: 7, radius: 0.8 },
              river,
              { shape: 'rect', kind: 'building', label: 'School', x: 5, y: 7.8, width: 3, height: 1.6 },
              { shape: 'rect', kind: 'open_space', label: 'Sports field', x: 8.2, y: 7.8, width: 2.6, height: 1.6 },
              { shape: 'rect', kind: 'building', label: 'Café', x: 11, y: 7.8, width: 2, height: 1.6 },
              { shape: 'rect', kind: 'building', label: 'Shops', x: 14, y: 7.8, width: 4, height: 1.6 },
              woodland,
              {
                shape: 'line',
                kind: 'path',
                label: 'Footpath',
                points: [
                  { x: 3, y: 7.3 },
                  { x: 3, y: 8.8 },
                  { x: 3, y: 12 },
                ],
              },
              { shape: 'rect', kind: 'other', label: 'Footbridge', x: 2.6, y: 9.4, width: 0.8, height: 1 },
              { shape: 'rect', kind: 'parking', label: 'Car park', x: 15, y: 1.2, width: 4.5, height: 2.2 },
              { shape: 'rect', kind: 'building', label: 'Medical centre', x: 15, y: 3.8, width: 4.5, height: 1.9 },
            ],
          },
        ],
      },
    },
    tags: ['map', 'urban-development', 'change-over-time'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-007',
    assessment_type: 'writing_task1_academic',
    title: 'Daily water use in five cities',
    prompt: task1Prompt(
      'The bar chart below shows the average amount of water used per person each day in five cities in 2010 and 2020.',
      SUMMARISE_AND_COMPARE,
    ),
    chart: {
      chart_type: 'bar',
      title: 'Average daily water use per person, 2010 and 2020',
      categories: ['Alderton', 'Brookfield', 'Carrow', 'Dunmore', 'Elsworth'],
      series: [
        { name: '2010', values: [165, 142, 210, 128, 185] },
        { name: '2020', values: [148, 139, 172, 131, 150] },
      ],
      unit: 'litres',
      x_label: 'City',
      y_label: 'Litres per person per day',
      steps: [],
    },
    tags: ['bar-chart', 'environment', 'comparison'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-008',
    assessment_type: 'writing_task1_academic',
    title: 'Visitors to three museums, 2014–2024',
    prompt: task1Prompt(
      'The line graph below shows the number of visitors to three museums in one city between 2014 and 2024.',
      SUMMARISE_AND_COMPARE,
    ),
    chart: {
      chart_type: 'line',
      title: 'Annual visitors to three city museums (2014–2024)',
      categories: ['2014', '2016', '2018', '2020', '2022', '2024'],
      series: [
        { name: 'Science museum', values: [620, 680, 750, 210, 690, 810] },
        { name: 'History museum', values: [540, 520, 500, 150, 430, 470] },
        { name: 'Art gallery', values: [300, 340, 410, 120, 460, 560] },
      ],
      unit: 'thousand visitors',
      x_label: 'Year',
      y_label: 'Visitors (thousands)',
      steps: [],
    },
    tags: ['line-graph', 'culture', 'trends'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-009',
    assessment_type: 'writing_task1_academic',
    title: 'The redevelopment of Marlow Bridge town centre',
    prompt: task1Prompt('The maps below show the centre of the town of Marlow Bridge in 2005 and today.', SUMMARISE_AND_COMPARE),
    chart: {
      chart_type: 'map',
      title: 'Marlow Bridge town centre, 2005 and today',
      categories: ['2005', 'Today'],
      series: [],
      unit: null,
      x_label: null,
      y_label: null,
      steps: [
        '2005: the High Street runs east to west and is open to traffic, with Station Road joining it from the north',
        '2005: a large car park lies north of the High Street, west of Station Road',
        '2005: a department store stands east of Station Road',
        '2005: south of the High Street are an open market square, a row of shops and a cinema',
        'Today: the High Street is for pedestrians only, and Station Road ends at a new bus station',
        'Today: the car park has been replaced by a library and community centre, with a small park beside it',
        'Today: the department store has become flats above shops',
        'Today: the market square is now a covered market, and the cinema has added restaurants',
        'Today: a new car park has been built at the southern edge of the centre',
      ],
      map: {
        width: 20,
        height: 14,
        views: [
          {
            label: '2005',
            features: [
              road('High Street', [0, 7], [20, 7]),
              road('Station Road', [10, 0], [10, 7]),
              { shape: 'rect', kind: 'parking', label: 'Car park', x: 1, y: 1, width: 7, height: 4.5 },
              { shape: 'rect', kind: 'building', label: 'Department store', x: 12, y: 1, width: 6, height: 4.5 },
              { shape: 'rect', kind: 'open_space', label: 'Market square', x: 1, y: 8.5, width: 5, height: 4 },
              { shape: 'rect', kind: 'building', label: 'Shops', x: 7.5, y: 8.5, width: 5, height: 2.5 },
              { shape: 'rect', kind: 'building', label: 'Cinema', x: 14, y: 8.5, width: 4.5, height: 3.5 },
            ],
          },
          {
            label: 'Today',
            features: [
              {
                shape: 'line',
                kind: 'path',
                label: 'High Street (pedestrians only)',
                points: [
                  { x: 0, y: 7 },
                  { x: 20, y: 7 },
                ],
              },
              road('Station Road', [10, 0], [10, 4.5]),
              { shape: 'rect', kind: 'building', label: 'Bus station', x: 8.5, y: 4.5, width: 3, height: 1.8 },
              { shape: 'rect', kind: 'building', label: 'Library and community centre', x: 0.5, y: 1, width: 8.5, height: 2.8 },
              { shape: 'rect', kind: 'open_space', label: 'Park', x: 1, y: 4.2, width: 6, height: 2 },
              { shape: 'circle', kind: 'trees', label: 'Trees', x: 7.3, y: 5.2, radius: 0.7 },
              { shape: 'rect', kind: 'building', label: 'Flats above shops', x: 12, y: 1, width: 6, height: 4.5 },
              { shape: 'rect', kind: 'building', label: 'Covered market', x: 1, y: 8.5, width: 5, height: 4 },
              { shape: 'rect', kind: 'building', label: 'Shops', x: 7.5, y: 8.5, width: 5, height: 2.5 },
              { shape: 'rect', kind: 'building', label: 'Cinema and restaurants', x: 13.5, y: 8.5, width: 6, height: 3.5 },
              { shape: 'rect', kind: 'parking', label: 'New car park', x: 7.5, y: 12, width: 6, height: 1.8 },
            ],
          },
        ],
      },
    },
    tags: ['map', 'urban-development', 'change-over-time'],
  },
  {
    ...emptyQuestionFields(),
    ...task1Limits,
    question_id: 'w1a-010',
    assessment_type: 'writing_task1_academic',
    title: 'How olive oil is produced',
    prompt: task1Prompt('The diagram below shows the stages in the production of olive oil.', SUMMARISE),
    chart: {
      chart_type: 'process',
      title: 'The production of olive oil',
      categories: [],
      series: [],
      unit: null,
      x_label: null,
      y_label: null,
      steps: [
        'Olives are picked by hand or shaken from the trees by machine in late autumn',
        'The olives are taken to a mill within 24 hours, before they begin to spoil',
        'Leaves and twigs are blown away and the olives are washed in cold water',
        'The olives, stones included, are crushed into a thick paste',
        'The paste is mixed slowly for 30–40 minutes so that drops of oil join together',
        'A centrifuge spins the paste to separate the oil from the water and solids',
        'The oil is left to settle in steel tanks for several weeks',
        'The oil is filtered and poured into dark glass bottles, which are labelled and sent to shops',
      ],
    },
    tags: ['process', 'food', 'manufacturing'],
  },
];
