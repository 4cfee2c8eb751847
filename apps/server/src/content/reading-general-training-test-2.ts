import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original texts written for this project; the places, firms and people in them are invented.
// Paragraphs are separated by a blank line; a lettered text starts with its letter on a line of
// its own, as matching tasks refer to it. Section 1 is short everyday texts, section 2 workplace
// texts, section 3 one longer text of general interest.

const passage1 = `Marrow Island Ferries: summer timetable (1 May to 30 September)
Boats leave Kelby Harbour for Marrow Island at 7.15 am, 9.45 am, 12.30 pm, 3.00 pm and 6.15 pm every day. The crossing takes 50 minutes in normal weather. Return sailings leave Marrow Island 70 minutes after each departure from Kelby. From October to April, there are only three sailings a day in each direction, and the first boat leaves Kelby at 8.30 am.

Tickets
An adult return ticket costs £18, and children aged 5 to 15 pay half price. Children under five travel free. A family ticket for 2 adults and up to 3 children costs £45. Bicycles are carried for £4 each way, but there is space for only 12 bicycles on each boat, so please book in advance. Cars cannot be taken to the island.

Lost property
Items found on our boats or at the Kelby ticket office are kept at the ticket office for one month. To collect an item, you will need to describe it and show some form of identification. We can post items to you for a small charge, but we cannot send keys, money or mobile phones by post. Items that are not collected within a month are given to charity or, if they have no value, thrown away.

Things to do on Marrow Island

A
Marrow Point Lighthouse. Climb the 96 steps to the top of the island's lighthouse, built in 1854, for views across to the mainland. A small exhibition at the base tells the story of the keepers who lived here until the light became automatic. Open daily, 10 am to 5 pm. Not suitable for children under eight.

B
Seal-watching trips. Our small boat takes up to ten passengers round the north of the island, where a large colony of grey seals can be seen on the rocks. Trips last about 90 minutes and depend on the weather; if a trip is cancelled, you can choose another day or receive a full refund. Warm, waterproof clothing is essential.

C
Island Cycle Hire. Bicycles for adults and children, with helmets included in the price. Collect your bike from our shop next to the ferry landing and return it before the last boat leaves. A map of quiet routes around the island is provided. Child seats and trailers are available, but only if they are reserved the day before.

D
The Old School Café. Home-made soups, sandwiches and cakes, served in the island's former schoolroom. Most of our vegetables come from our own garden. Paintings by local artists are displayed on the walls, and all of them are for sale. Open 11 am to 4 pm, closed on Mondays.`;

const passage2 = `Annual leave: a guide for employees of Harlow & Finch
Full-time employees are entitled to 25 days of paid annual leave each year, in addition to public holidays. Part-time employees receive the same entitlement in proportion to the hours they work. The leave year runs from 1 April to 31 March. You may carry up to five unused days into the next leave year, but these must be taken by the end of June or they will be lost.

To request leave, first check the team calendar on the staff intranet to see whether colleagues have already booked time off on the dates you want. No more than two members of the same team may be on leave at the same time. Then submit a request through the online HR system, giving the dates and the number of days. Requests should be made at least four weeks in advance for periods of more than a week, and at least three working days in advance for shorter absences.

Your line manager will be notified automatically and should respond within five working days. If your request is approved, the dates will appear on the team calendar and your remaining balance will be updated. If it is refused, your manager must give a reason, and you may ask for the decision to be reviewed by the head of your department. Once approved, leave can be cancelled only with your manager's agreement.

Who to contact

A
Payroll. If there is a mistake on your payslip, or you want to change the bank account your salary is paid into, contact the Payroll team by email. Payroll also answers questions about tax and pension contributions.

B
Human Resources. HR handles requests for parental leave, changes to your working hours and questions about your contract. If you are thinking of leaving the company, HR can tell you how much notice you need to give.

C
IT Service Desk. Contact the IT Service Desk if you forget your password, if your laptop stops working, or if you need access to a shared folder. For urgent problems, phone rather than email.

D
Facilities. Facilities looks after the building itself: heating, lighting, the allocation of desks and car parking permits. Report any broken furniture or equipment to them, apart from computers.

E
Occupational Health. If you have a medical condition that affects your work, or if you need a special chair or desk because of back problems, Occupational Health can arrange an assessment. Conversations with the Occupational Health nurse are confidential.`;

const passage3 = `On a patch of land between a railway line and a row of apartment blocks, a few dozen people are digging, weeding and chatting. Some grow vegetables in raised beds of their own; others share the work of a communal herb garden and a small orchard of young apple trees. Ten years ago the site was an empty lot, fenced off and covered in rubbish. Today it is one of thousands of community gardens that have appeared in towns and cities around the world, on land ranging from the roofs of supermarkets to the grounds of hospitals and schools.

The idea is not new. During both world wars, governments in Britain and North America encouraged people to grow food in parks, gardens and any other open space that was available, and in Britain the slogan "Dig for Victory" became famous. Many of these plots disappeared after the wars, when the land was needed for housing. The modern community garden movement has its roots in the 1970s, when residents of several American cities began clearing abandoned sites in their neighbourhoods and planting them, often without permission. In New York, one group became known for throwing "seed bombs", small balls of soil and seeds, over the fences of empty lots.

Community gardens vary widely in how they are organised. In some, each member rents an individual plot and is responsible for it, much like a traditional allotment. In others, all the land is cultivated together and the harvest is shared among those who have worked on it. Many combine both approaches. Most are run by volunteers, who form a committee to make decisions, collect small membership fees and deal with the landowner, which is often a local council or a housing association. Rules commonly require members to attend a certain number of work days each year and to avoid chemical pesticides.

Supporters claim a wide range of benefits. The most obvious is fresh food. A well-managed plot can produce a surprising quantity of vegetables, and in low-income areas where shops sell little fresh produce, this can make a real difference to people's diets. Research has also linked gardening with better physical and mental health: it involves moderate exercise, time outdoors and, for many people, a welcome break from screens. Several hospitals now have gardens where patients recovering from illness can work, and some doctors have begun to recommend gardening to patients who are lonely or anxious.

For many members, however, the social side matters most. Community gardens bring together people who might otherwise never meet: retired people and students, long-established residents and recent arrivals, people who speak different languages. Older members often pass on their knowledge to beginners, and migrants sometimes introduce vegetables from their home countries that their neighbours have never tasted. In surveys, members frequently say that they have come to know more people in their neighbourhood since joining.

Gardens can also benefit the wider environment. Plants absorb rainwater that would otherwise run off hard surfaces into drains, reducing the risk of flooding during heavy storms. Flowers attract bees and other insects that pollinate crops, and compost heaps turn kitchen and garden waste into fertiliser instead of sending it to landfill. On a hot day, a garden with trees and plenty of plants can be noticeably cooler than the streets around it.

Community gardens face real difficulties, though. The most serious is insecurity of tenure. Because many gardens occupy land that the owner has agreed to lend only until it is needed for something else, they can be closed at short notice when a developer makes an offer. Gardeners who have spent years improving the soil may lose everything. Some cities have responded by giving long-term protection to established gardens, or by including space for gardens in plans for new housing. Other problems are more everyday: disagreements between members, theft of produce, and the difficulty of finding enough volunteers to keep the committee going when its founders move on.

There is also the question of who benefits. In some cities, gardens created in poorer districts have been followed by rising property prices, as the neighbourhood becomes more attractive to wealthier buyers. The very residents who created the gardens can then find themselves unable to afford to live nearby. Garden organisers are increasingly aware of this danger, and some now work closely with local housing groups.

Despite these challenges, the number of community gardens continues to grow. For their members, they offer something that is increasingly rare in city life: a place where people can work together with their hands, see the results of their efforts, and share them with their neighbours.`;

/** General Training Reading practice test 2: three original sections and 40 questions. */
export const readingGeneralTrainingTest2: Question = {
  ...emptyQuestionFields(),
  question_id: 'rg-test-02',
  assessment_type: 'reading_general_training',
  title: 'General Training Reading practice test 2',
  prompt: `You should spend about 20 minutes on each section. There are ${TEST_LIMITS.reading.questions} questions. Write your answers exactly as the instructions ask; spelling must be correct.`,
  time_limit: TEST_LIMITS.reading.minutes,
  passages: [
    { part: 1, title: 'Travelling to Marrow Island', text: passage1 },
    { part: 2, title: 'Working at Harlow & Finch', text: passage2 },
    { part: 3, title: 'Growing Together: Community Gardens', text: passage3 },
  ],
  question_groups: [
    {
      group_id: 'rg-test-02-q01-04',
      part: 1,
      instructions:
        'Questions 1–4. Answer the questions below, using the ferry timetable and ticket information. Write A NUMBER for each answer.',
      answer_format: { kind: 'number' },
      options: [],
      questions: [
        { number: 1, text: 'How many minutes does the crossing take in normal weather?' },
        { number: 2, text: 'How many minutes after each departure from Kelby does a boat leave Marrow Island?' },
        { number: 3, text: 'How many children can be included in a family ticket?' },
        { number: 4, text: 'How many bicycles can each boat carry?' },
      ],
    },
    {
      group_id: 'rg-test-02-q05-09',
      part: 1,
      instructions:
        'Questions 5–9. Look at the four things to do on Marrow Island, A–D. Which attraction mentions the following information? Write the correct letter, A–D. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [],
      questions: [
        { number: 5, text: 'You may get your money back if the weather is bad.' },
        { number: 6, text: 'Some items must be booked in advance.' },
        { number: 7, text: 'Things on display can be bought.' },
        { number: 8, text: 'Young children are not allowed.' },
        { number: 9, text: 'You can find out about people who used to work there.' },
      ],
    },
    {
      group_id: 'rg-test-02-q10-14',
      part: 1,
      instructions:
        'Questions 10–14. Complete the sentences below. Choose ONE WORD ONLY from the ferry company’s information for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 10, text: 'Lost items are kept at the ticket ________ in Kelby.' },
        { number: 11, text: 'To collect a lost item, you must describe it and show some ________.' },
        { number: 12, text: 'Keys, money and mobile phones cannot be sent by ________.' },
        { number: 13, text: 'Items of value that nobody collects are given to ________.' },
        { number: 14, text: 'Cars are not allowed on the ________.' },
      ],
    },
    {
      group_id: 'rg-test-02-q15-20',
      part: 2,
      instructions:
        'Questions 15–20. Complete the flow-chart below. Choose NO MORE THAN TWO WORDS AND/OR A NUMBER from the guide to annual leave for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 15, text: 'Requesting leave. Step 1: check the team ________ on the staff intranet.' },
        { number: 16, text: 'Step 2: send a request through the online ________, giving the dates.' },
        { number: 17, text: 'For more than a week off, make the request at least ________ in advance.' },
        { number: 18, text: 'Step 3: your line manager should reply within five ________.' },
        { number: 19, text: 'If the request is approved, your remaining ________ is updated.' },
        { number: 20, text: 'If the request is refused, you may ask the head of your ________ to review it.' },
      ],
    },
    {
      group_id: 'rg-test-02-q21-27',
      part: 2,
      instructions:
        'Questions 21–27. Look at the list of departments, A–E, in “Who to contact”. Match each statement with the correct department, A–E. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E'] },
      options: [
        { letter: 'A', text: 'Payroll' },
        { letter: 'B', text: 'Human Resources' },
        { letter: 'C', text: 'IT Service Desk' },
        { letter: 'D', text: 'Facilities' },
        { letter: 'E', text: 'Occupational Health' },
      ],
      questions: [
        { number: 21, text: 'You would like to work three days a week instead of five.' },
        { number: 22, text: 'You have opened an account with a new bank.' },
        { number: 23, text: 'You cannot open a folder that your team shares.' },
        { number: 24, text: 'You need permission to park your car at work.' },
        { number: 25, text: 'A chair in a meeting room is broken.' },
        { number: 26, text: 'You need different furniture because of back pain.' },
        { number: 27, text: 'You want to know how long you must work after resigning.' },
      ],
    },
    {
      group_id: 'rg-test-02-q28-32',
      part: 3,
      instructions: 'Questions 28–32. Complete each sentence with the correct ending, A–G, below. Write the correct letter, A–G.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'the crops are divided among those who helped to grow them.' },
        { letter: 'B', text: 'to produce food on any open land available.' },
        { letter: 'C', text: 'have guaranteed the future of existing gardens.' },
        { letter: 'D', text: 'to sell what they grew in local shops.' },
        { letter: 'E', text: 'cultivated abandoned land without official approval.' },
        { letter: 'F', text: 'have banned gardens on the grounds of hospitals.' },
        { letter: 'G', text: 'now suggest gardening to patients who feel isolated.' },
      ],
      questions: [
        { number: 28, text: 'During the two world wars, people were encouraged' },
        { number: 29, text: 'In the 1970s, residents of some American cities' },
        { number: 30, text: 'In gardens where all the land is worked together,' },
        { number: 31, text: 'Some doctors' },
        { number: 32, text: 'Some cities' },
      ],
    },
    {
      group_id: 'rg-test-02-q33-36',
      part: 3,
      instructions:
        'Questions 33–36. Do the following statements agree with the information given in the text? Write TRUE if the statement agrees with the information, FALSE if the statement contradicts the information, or NOT GIVEN if there is no information on this.',
      answer_format: { kind: 'true_false_not_given' },
      options: [],
      questions: [
        { number: 33, text: 'Most community gardens are run by paid staff.' },
        { number: 34, text: 'Community gardens in Europe are usually larger than those in North America.' },
        { number: 35, text: 'Older members often learn gardening skills from beginners.' },
        { number: 36, text: 'Members often say they know more of their neighbours since joining a garden.' },
      ],
    },
    {
      group_id: 'rg-test-02-q37-40',
      part: 3,
      instructions: 'Questions 37–40. Complete the notes below. Choose ONE WORD ONLY from the text for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 37, text: 'Environment: plants absorb ________ that would otherwise run into drains.' },
        { number: 38, text: 'Environment: flowers attract insects that ________ crops.' },
        { number: 39, text: 'Environment: compost heaps turn waste into ________.' },
        { number: 40, text: 'Problems: the most serious is insecurity of ________.' },
      ],
    },
  ],
  answer_key: {
    '1': '50',
    '2': '70',
    '3': '3',
    '4': '12',
    '5': 'B',
    '6': 'C',
    '7': 'D',
    '8': 'A',
    '9': 'A',
    '10': 'office',
    '11': 'identification',
    '12': 'post',
    '13': 'charity',
    '14': 'island',
    '15': 'calendar',
    '16': 'HR system',
    '17': 'four weeks / 4 weeks',
    '18': 'working days',
    '19': 'balance',
    '20': 'department',
    '21': 'B',
    '22': 'A',
    '23': 'C',
    '24': 'D',
    '25': 'D',
    '26': 'E',
    '27': 'B',
    '28': 'B',
    '29': 'E',
    '30': 'A',
    '31': 'G',
    '32': 'C',
    '33': 'FALSE',
    '34': 'NOT GIVEN',
    '35': 'FALSE',
    '36': 'TRUE',
    '37': 'rainwater',
    '38': 'pollinate',
    '39': 'fertiliser / fertilizer',
    '40': 'tenure',
  },
  tags: ['general-training', 'full-test'],
};
