import { SPEAKING_TIMINGS, type Question, type SpeakingSet } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

/** The whole test's minutes: parts 1–3 take 11–14 minutes. */
const SPEAKING_MINUTES = SPEAKING_TIMINGS.total.maximumSeconds / 60;

/** A Part 1 topic as written: its name and the questions the examiner asks about it. */
interface Part1Topic {
  topic: string;
  questions: string[];
}

/** A set as written: three Part 1 topics, then the cue card and the discussion. */
interface SpeakingSetSource {
  part1: [Part1Topic, Part1Topic, Part1Topic];
  part2: SpeakingSet['part2'];
  part3: SpeakingSet['part3'];
}

/** "Your home town", "Music", "The weather" → "Your home town, music and the weather". */
function topicSummary(topics: readonly Part1Topic[]): string {
  const names = topics.map((topic, index) => (index === 0 ? topic.topic : topic.topic.charAt(0).toLowerCase() + topic.topic.slice(1)));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

/** The set in core's shape: Part 1's questions in topic order, each topic naming how many it asks. */
function speakingSet(source: SpeakingSetSource): SpeakingSet {
  return {
    part1: {
      topic: topicSummary(source.part1),
      questions: source.part1.flatMap((topic) => topic.questions),
      topics: source.part1.map((topic) => ({ topic: topic.topic, question_count: topic.questions.length })),
    },
    part2: source.part2,
    part3: source.part3,
  };
}

/** Builds the candidate-facing summary of a set; the set itself carries the questions. */
function speakingPrompt(set: SpeakingSet): string {
  return [
    `Part 1 (4–5 minutes): the examiner asks you about ${set.part1.topic.toLowerCase()}.`,
    `Part 2 (3–4 minutes): ${set.part2.topic}. You have one minute to prepare, then speak for one to two minutes.`,
    `Part 3 (4–5 minutes): a discussion of ${set.part3.topic.toLowerCase()}.`,
  ].join('\n');
}

/** Builds a speaking item from its set as written. */
function speaking(item: { question_id: string; title: string; set: SpeakingSetSource; tags: string[] }): Question {
  const set = speakingSet(item.set);
  return {
    ...emptyQuestionFields(),
    question_id: item.question_id,
    assessment_type: 'speaking',
    title: item.title,
    prompt: speakingPrompt(set),
    time_limit: SPEAKING_MINUTES,
    speaking: set,
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
      part1: [
        {
          topic: 'Your home town',
          questions: [
            'Where is your home town?',
            'What do you like most about living there?',
            'Is it a good place for young people to live? Why or why not?',
            'How has your home town changed since you were a child?',
          ],
        },
        {
          topic: 'Music',
          questions: [
            'Do you listen to music every day?',
            'What kind of music do you like best?',
            'Did you learn to play an instrument when you were younger?',
            'Do you prefer listening to music alone or with other people?',
          ],
        },
        {
          topic: 'The weather',
          questions: [
            'What is the weather usually like where you live?',
            'Which season do you like most? Why?',
            'Does the weather ever change your plans?',
            'Would you like to live somewhere with a different climate?',
          ],
        },
      ],
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
      part1: [
        {
          topic: 'Reading',
          questions: [
            'Do you enjoy reading? Why or why not?',
            'What kinds of things do you usually read?',
            'Do you prefer reading on paper or on a screen?',
            'Did you read much when you were a child?',
          ],
        },
        {
          topic: 'Your home',
          questions: [
            'Do you live in a house or a flat?',
            'Which room in your home do you spend the most time in?',
            'What would you like to change about your home?',
            'Do you plan to live there for a long time?',
          ],
        },
        {
          topic: 'Handwriting',
          questions: [
            'Do you write by hand much these days?',
            'Do you think your handwriting has changed since you were at school?',
            'Is it important for children to learn to write neatly?',
            'Do you prefer to receive a handwritten card or a message on your phone?',
          ],
        },
      ],
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
      part1: [
        {
          topic: 'Food and cooking',
          questions: [
            'What is your favourite kind of food?',
            'How often do you cook for yourself?',
            'Who taught you to cook?',
            'Do you prefer eating at home or eating out?',
          ],
        },
        {
          topic: 'Work or studies',
          questions: [
            'Do you work or are you a student?',
            'Why did you choose that job or subject?',
            'What is a typical day like for you?',
            'Would you like to change your job or subject in the future?',
          ],
        },
        {
          topic: 'Shopping',
          questions: [
            'Do you enjoy shopping?',
            'Do you prefer shopping online or in shops?',
            'Is there a shop near your home that you go to often?',
            'Have your shopping habits changed in recent years?',
          ],
        },
      ],
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
      part1: [
        {
          topic: 'Your phone',
          questions: [
            'How long have you had your current phone?',
            'What do you use your phone for most?',
            'Do you ever switch your phone off? When?',
            'Would you find it difficult to live without a phone for a week?',
          ],
        },
        {
          topic: 'Your neighbourhood',
          questions: [
            'Can you describe the area where you live?',
            'How long have you lived there?',
            'What do you like about your neighbourhood?',
            'Is there anything that could be improved there?',
          ],
        },
        {
          topic: 'Photographs',
          questions: [
            'Do you like taking photographs?',
            'What do you usually take photographs of?',
            'Do you keep printed photographs at home?',
            'Do you like having your photograph taken? Why or why not?',
          ],
        },
      ],
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
      part1: [
        {
          topic: 'Travel',
          questions: [
            'Do you like travelling? Why or why not?',
            'How do you usually travel to work or to your place of study?',
            'Have you ever travelled a long way by train or bus?',
            'Where would you like to travel in the future?',
          ],
        },
        {
          topic: 'Your home town',
          questions: [
            'Where did you grow up?',
            'What is your home town famous for?',
            'Do you go back there often?',
            'Has your home town changed much in recent years?',
          ],
        },
        {
          topic: 'Maps',
          questions: [
            'Do you often use maps?',
            'Do you prefer paper maps or maps on your phone?',
            'Are you good at finding your way in a new place?',
            'Did you learn to read maps at school?',
          ],
        },
      ],
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
      part1: [
        {
          topic: 'Work or studies',
          questions: [
            'Do you work or are you a student?',
            'What do you enjoy most about your work or studies?',
            'Is there anything you would like to change about your work or studies?',
            'What do you usually do after work or after classes?',
          ],
        },
        {
          topic: 'Sport',
          questions: [
            'Do you play any sports?',
            'Which sports are popular in your country?',
            'Did you do much sport at school?',
            'Do you prefer watching sport or taking part?',
          ],
        },
        {
          topic: 'Free time',
          questions: [
            'What do you like to do in your free time?',
            'Do you have more free time now than a few years ago?',
            'Do you prefer to spend free time indoors or outdoors?',
            'Is there a hobby you would like to take up in the future?',
          ],
        },
      ],
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
  speaking({
    question_id: 'sp-007',
    title: 'Helping others',
    tags: ['people', 'community'],
    set: {
      part1: [
        {
          topic: 'Work or studies',
          questions: [
            'What do you do? Do you work or study?',
            'Where do you work or study?',
            'What do you find most difficult about it?',
            'Do you prefer working in the morning or in the afternoon?',
          ],
        },
        {
          topic: 'Neighbours',
          questions: [
            'Do you know your neighbours well?',
            'How often do you talk to them?',
            'Have your neighbours ever helped you?',
            'What makes someone a good neighbour?',
          ],
        },
        {
          topic: 'Birthdays',
          questions: [
            'How do you usually celebrate your birthday?',
            'Which birthday do you remember best from your childhood?',
            'Do you think birthdays are more important for children than for adults?',
            'Do you prefer giving presents or receiving them?',
          ],
        },
      ],
      part2: {
        topic: 'Describe a time when you helped someone',
        prompts: ['who you helped', 'what the situation was', 'how you helped them'],
        closing: 'and explain how you felt about helping this person.',
        follow_up: ['Do you often help people you do not know?'],
      },
      part3: {
        topic: 'Helping others and volunteering',
        questions: [
          'Why do some people do voluntary work without being paid?',
          'Should schools ask students to do some community work? Why?',
          'Are people less willing to help strangers than they were in the past?',
          'Who should look after elderly people: their families or the government?',
          'How can technology help people support each other in their community?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-008',
    title: 'The natural world',
    tags: ['environment', 'nature'],
    set: {
      part1: [
        {
          topic: 'Your home',
          questions: [
            'What kind of place do you live in?',
            'Who do you live with?',
            'What is your favourite room in your home? Why?',
            'Is there anything you would like to change about your home?',
          ],
        },
        {
          topic: 'Plants and flowers',
          questions: [
            'Do you have any plants in your home?',
            'Have you ever grown your own fruit or vegetables?',
            'Do people in your country often give flowers as presents?',
            'Is there a flower or plant that is special in your country?',
          ],
        },
        {
          topic: 'Walking',
          questions: [
            'Do you walk a lot in your daily life?',
            'Where do you like to go for a walk?',
            'Did you walk more or less when you were a child?',
            'Would you like to go on a long walking holiday one day?',
          ],
        },
      ],
      part2: {
        topic: 'Describe a natural place that you have visited and enjoyed',
        prompts: ['where it is', 'when you went there', 'who you went with', 'what you did there'],
        closing: 'and explain why you enjoyed visiting this place.',
        follow_up: ['Would you like to go back there one day?'],
      },
      part3: {
        topic: 'People and the natural environment',
        questions: [
          'Why do people who live in cities often want to spend time in the countryside?',
          'Is it important for children to spend time outdoors in nature?',
          'What are the biggest threats to wildlife in your country?',
          'Should tourists have to pay to visit national parks? Why or why not?',
          'Whose responsibility is it to protect the environment: governments, companies or individuals?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-009',
    title: 'Films and entertainment',
    tags: ['entertainment', 'media'],
    set: {
      part1: [
        {
          topic: 'Your home town',
          questions: [
            'Where is your home town?',
            'Is it a busy or a quiet place?',
            'What do people in your home town do in the evenings?',
            'Would you recommend your home town to visitors?',
          ],
        },
        {
          topic: 'Films',
          questions: [
            'How often do you watch films?',
            'Do you prefer watching films at home or at the cinema?',
            'What kind of films did you like when you were a child?',
            'Do you ever watch films in other languages?',
          ],
        },
        {
          topic: 'Noise',
          questions: [
            'Is the place where you live noisy or quiet?',
            'Do you mind noise when you are trying to work or study?',
            'What kinds of noise do you find most annoying?',
            'Do you like to have music or the radio on at home?',
          ],
        },
      ],
      part2: {
        topic: 'Describe a film or television programme that made you think',
        prompts: ['what it was called', 'when you watched it', 'what it was about'],
        closing: 'and explain why it made you think.',
        follow_up: ['Did you talk to anyone about it afterwards?'],
      },
      part3: {
        topic: 'Entertainment and the media',
        questions: [
          'Why do you think some films become popular all over the world?',
          'Do films and television programmes influence the way young people behave?',
          'Should governments give money to support their country’s film industry?',
          'How has the way people watch films changed in recent years?',
          'Will cinemas still exist in twenty years’ time? Why or why not?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-010',
    title: 'Important decisions',
    tags: ['decisions', 'life-choices'],
    set: {
      part1: [
        {
          topic: 'Work or studies',
          questions: [
            'Are you working or studying at the moment?',
            'Why did you choose your job or course?',
            'What do you like about the place where you work or study?',
            'What are your plans for the next few years?',
          ],
        },
        {
          topic: 'Mornings',
          questions: [
            'What time do you usually get up?',
            'What do you usually do first in the morning?',
            'Are your weekday mornings different from your weekend mornings?',
            'Would you like to get up earlier than you do now?',
          ],
        },
        {
          topic: 'Colours',
          questions: [
            'What is your favourite colour?',
            'Are there any colours you never wear?',
            'Do colours affect how you feel?',
            'What colours would you choose for the walls of your home?',
          ],
        },
      ],
      part2: {
        topic: 'Describe an important decision that you made',
        prompts: ['what the decision was', 'when you made it', 'who helped you decide'],
        closing: 'and explain why this decision was important to you.',
        follow_up: ['Do you think you made the right decision?'],
      },
      part3: {
        topic: 'Making decisions',
        questions: [
          'What kinds of decisions do young people in your country have to make?',
          'Should parents make important decisions for their teenage children?',
          'Why do some people find it hard to make decisions?',
          'Is it better to make decisions quickly or to take a long time over them?',
          'Do people have more choices in their lives today than in the past?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-011',
    title: 'Celebrations',
    tags: ['culture', 'traditions'],
    set: {
      part1: [
        {
          topic: 'Your home',
          questions: [
            'Do you live in a house or an apartment?',
            'How long have you lived there?',
            'What can you see from the windows of your home?',
            'Would you like to move to a different home in the future?',
          ],
        },
        {
          topic: 'Cooking',
          questions: [
            'Do you enjoy cooking?',
            'What was the last meal you cooked?',
            'Did anyone in your family teach you to cook?',
            'Do you think cooking is an important skill?',
          ],
        },
        {
          topic: 'Gifts',
          questions: [
            'When do people in your country give gifts?',
            'What was the last gift you bought for someone?',
            'Do you find it easy to choose presents for other people?',
            'Do you prefer gifts that are useful or gifts that are beautiful?',
          ],
        },
      ],
      part2: {
        topic: 'Describe a festival or celebration that is important in your country',
        prompts: ['what the festival or celebration is', 'when it takes place', 'what people do during it'],
        closing: 'and explain why it is important to people in your country.',
        follow_up: ['Has this celebration changed since you were a child?'],
      },
      part3: {
        topic: 'Festivals and traditions',
        questions: [
          'Why do people think it is important to keep traditional festivals?',
          'Have festivals in your country become too commercial?',
          'Do young people enjoy traditional celebrations as much as older people do?',
          'What can people learn by taking part in the festivals of another culture?',
          'How might celebrations change in the future?',
        ],
      },
    },
  }),
  speaking({
    question_id: 'sp-012',
    title: 'Work and ambition',
    tags: ['work', 'careers'],
    set: {
      part1: [
        {
          topic: 'Work or studies',
          questions: [
            'Do you work or study?',
            'What do you like most about what you do?',
            'Do you usually work or study alone or with other people?',
            'Is there anything you find boring about it?',
          ],
        },
        {
          topic: 'Public transport',
          questions: [
            'How often do you use public transport?',
            'What is public transport like where you live?',
            'Do you prefer buses or trains? Why?',
            'How could public transport in your area be improved?',
          ],
        },
        {
          topic: 'Keeping in touch',
          questions: [
            'How do you usually keep in touch with your friends?',
            'Do you prefer phoning people or sending messages?',
            'Is there anyone you would like to get back in touch with?',
            'Do you think it is easier to keep in touch with people now than in the past?',
          ],
        },
      ],
      part2: {
        topic: 'Describe a job that you would like to do in the future',
        prompts: ['what the job is', 'what skills or qualifications it needs', 'how you could get this job'],
        closing: 'and explain why you would like to do this job.',
        follow_up: ['Do you know anyone who does this job?'],
      },
      part3: {
        topic: 'Careers and ambition',
        questions: [
          'What do most young people in your country look for in a job?',
          'Is it better to have a job you enjoy or a job that pays well?',
          'Why do some people change careers in the middle of their working lives?',
          'Should schools do more to prepare students for the world of work?',
          'How do you think the jobs people do will change over the next fifty years?',
        ],
      },
    },
  }),
];
