import { WRITING_LIMITS, type Question } from '@ielts-genai-prep/core';
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
    prompt: task1Prompt(
      'The pie charts below show how a university spent its annual budget in 2005 and in 2025.',
      SUMMARISE_AND_COMPARE,
    ),
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
    prompt: task1Prompt(
      'The diagram below shows the process by which used glass bottles are recycled into new containers.',
      SUMMARISE,
    ),
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
    prompt: task1Prompt(
      'The maps below show the village of Ashcombe in 1995 and today.',
      SUMMARISE_AND_COMPARE,
    ),
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
    },
    tags: ['map', 'urban-development', 'change-over-time'],
  },
];
