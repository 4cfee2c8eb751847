import { SPEAKING_TIMINGS, type Question, type SpeakingSet } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

/** The whole test's minutes: parts 1–3 take 11–14 minutes. */
const SPEAKING_MINUTES = SPEAKING_TIMINGS.total.maximumSeconds / 60;

/** Builds the candidate-facing summary of a set; the set itself carries the questions. */
function speakingPrompt(set: SpeakingSet): string {
  return [
    `Part 1 (4–5 minutes): the examiner asks you about ${set.part1.topic.toLowerCase()}.`,
    `Part 2 (3–4 minutes): ${set.part2.topic}. You have one minute to prepare, then speak for one to two minutes.`,
    `Part 3 (4–5 minutes): a discussion of ${set.part3.topic.toLowerCase()}.`,
  ].join('\n');
}

/** Builds a speaking item from its set. */
function speaking(item: { question_id: string; title: string; set: SpeakingSet; tags: string[] }): Question {
  return {
    ...emptyQuestionFields(),
    question_id: item.question_id,
    assessment_type: 'speaking',
    title: item.title,
    prompt: speakingPrompt(item.set),
    time_limit: SPEAKING_MINUTES,
    speaking: item.set,
    tags: item.tags,
  };
}

/** Speaking practice sets: a part 1 interview, a part 2 cue card and a part 3 discussion on its theme. */
export const speakingQuestions: Question[] = [
  speaking({
    question_id: 'sp-001',
    title: 'Places in your town',
    tags: ['places', 'towns-and-cities'],
    set: {
      part1: {
        topic: 'Your home town',
        questions: [
          'Where is your home town?',
          'What do you like most about living there?',
          'Is it a good place for young people to live? Why or why not?',
          'How has your home town changed since you were a child?',
          'Would you like to live there in the future?',
        ],
      },
      part2: {
        topic: 'Describe a place in your town or city that you enjoy visiting',
        prompts: ['where this place is', 'how often you go there', 'what you usually do there'],
        closing: 'and explain why you enjoy visiting this place.',
        follow_up: ['Do your friends like this place too?'],
      },
      part3: {
        topic: 'Public spaces in towns and cities',
        questions: [
          'What kinds of public places do people in your country like to spend time in?',
          'Why do you think some town centres are becoming quieter than they used to be?',
          'Should local governments spend more money on parks and green spaces? Why?',
          'How might cities be designed differently in the future?',
          'Do you think people in cities know their neighbours less well than people in villages?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-002',
    title: 'Books and reading',
    tags: ['reading', 'education'],
    set: {
      part1: {
        topic: 'Reading',
        questions: [
          'Do you enjoy reading? Why or why not?',
          'What kinds of things do you usually read?',
          'Do you prefer reading on paper or on a screen?',
          'Did you read much when you were a child?',
        ],
      },
      part2: {
        topic: 'Describe a book that you enjoyed reading',
        prompts: ['what the book was', 'when you read it', 'what it was about'],
        closing: 'and explain why you enjoyed reading it.',
        follow_up: ['Would you read it again?', 'Have you recommended it to anyone?'],
      },
      part3: {
        topic: 'Reading habits and learning',
        questions: [
          'Why do some children enjoy reading more than others?',
          'What can parents and schools do to encourage young people to read?',
          'Do you think printed books will disappear in the future?',
          'How is reading a book different from watching a film of the same story?',
          'Is it important for public libraries to stay open? Why?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-003',
    title: 'Food and meals',
    tags: ['food', 'culture'],
    set: {
      part1: {
        topic: 'Food and cooking',
        questions: [
          'What is your favourite kind of food?',
          'How often do you cook for yourself?',
          'Who taught you to cook?',
          'Do you prefer eating at home or eating out?',
          'Is there any food you did not like as a child but enjoy now?',
        ],
      },
      part2: {
        topic: 'Describe a meal that you remember well',
        prompts: ['where you had the meal', 'who you were with', 'what you ate'],
        closing: 'and explain why you remember this meal so well.',
        follow_up: ['Do you often eat with other people?'],
      },
      part3: {
        topic: 'Food and culture',
        questions: [
          'Why do families in many countries eat together less often than in the past?',
          'How important is traditional food to a country’s culture?',
          'Do you think fast food has had a good or bad effect on people’s lives?',
          'Should schools teach children about healthy eating?',
          'How might the way people eat change over the next few decades?',
          'Why do some people enjoy trying food from other countries?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-004',
    title: 'Useful technology',
    tags: ['technology', 'society'],
    set: {
      part1: {
        topic: 'Your phone',
        questions: [
          'How long have you had your current phone?',
          'What do you use your phone for most?',
          'Do you ever switch your phone off? When?',
          'Would you find it difficult to live without a phone for a week?',
        ],
      },
      part2: {
        topic: 'Describe a piece of technology (not a phone) that you find useful',
        prompts: ['what it is', 'when you started using it', 'how you use it', 'how often you use it'],
        closing: 'and explain why you find it useful.',
        follow_up: ['Is it expensive to buy or to use?'],
      },
      part3: {
        topic: 'Technology and society',
        questions: [
          'Which technology has changed daily life most in your country in recent years?',
          'Do you think older people find new technology harder to learn? Why?',
          'Are there any disadvantages to relying heavily on technology?',
          'Should children be taught to use computers from a very young age?',
          'Who should be responsible for protecting people’s personal information online?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-005',
    title: 'Journeys',
    tags: ['travel', 'transport'],
    set: {
      part1: {
        topic: 'Travel',
        questions: [
          'Do you like travelling? Why or why not?',
          'How do you usually travel to work or to your place of study?',
          'Have you ever travelled a long way by train or bus?',
          'Where would you like to travel in the future?',
          'Do you prefer travelling alone or with other people?',
        ],
      },
      part2: {
        topic: 'Describe a journey that took longer than you expected',
        prompts: ['where you were going', 'how you travelled', 'why the journey took longer than expected'],
        closing: 'and explain how you felt during the journey.',
        follow_up: ['Have you made the same journey again since then?'],
      },
      part3: {
        topic: 'Transport and travel',
        questions: [
          'What are the most common ways of travelling long distances in your country?',
          'Why do some people prefer to drive rather than use public transport?',
          'How could governments encourage more people to travel by train?',
          'Do you think air travel should be more expensive because of its effect on the environment?',
          'Will people travel more or less in the future? Why?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-006',
    title: 'Learning new skills',
    tags: ['skills', 'learning', 'work'],
    set: {
      part1: {
        topic: 'Work or studies',
        questions: [
          'Do you work or are you a student?',
          'What do you enjoy most about your work or studies?',
          'Is there anything you would like to change about your work or studies?',
          'What do you usually do after work or after classes?',
        ],
      },
      part2: {
        topic: 'Describe a skill you learned as an adult',
        prompts: ['what the skill is', 'when and where you learned it', 'who helped you learn it'],
        closing: 'and explain how this skill has been useful to you.',
        follow_up: ['Would you like to learn any other skills like this one?'],
      },
      part3: {
        topic: 'Learning and skills',
        questions: [
          'Which practical skills should everyone learn before leaving school?',
          'Is it harder to learn new things as we get older? Why?',
          'Do you think online courses are as effective as classes with a teacher?',
          'Should employers pay for their staff to learn new skills?',
          'Which skills do you think will be most valuable in the workplace in the future?',
        ],
      },
    },
  }),
];
