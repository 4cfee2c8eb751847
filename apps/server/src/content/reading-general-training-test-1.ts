import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original texts written for this project; the places, firms and people in them are invented.
// Paragraphs are separated by a blank line; a lettered text starts with its letter on a line of
// its own, as matching tasks refer to it. Section 1 is short everyday texts, section 2 workplace
// texts, section 3 one longer text of general interest.

const passage1 = `New courses starting in January

A
Italian for Travellers. Ten Tuesday evenings from 14 January, 7.00–9.00 pm. Learn the phrases you need to order a meal, buy a train ticket and ask for directions on your next holiday. No previous knowledge of the language is needed, and the course book is included in the fee.

B
Digital Photography. Get more from the camera you already own, whether it is a phone or a professional model. Six Wednesday evenings from 15 January, 6.30–8.30 pm, plus one Saturday morning walk in Riverside Park to practise what you have learned. Please bring your camera to every session.

C
Furniture Restoration. Bring an old chair or small table and learn to repair joints, strip old paint and apply a new finish. Thursdays, 7.00–9.30 pm, for eight weeks from 16 January. Places are limited to eight people because of the size of the workshop. Materials cost extra and are paid for on the first evening.

D
Cooking on a Budget. Healthy family meals for less than two pounds a portion. Each week we cook three dishes together and you take home what you make. Mondays, 6.00–8.00 pm, for five weeks from 13 January. The course is free for people receiving unemployment benefit; please bring proof when you enrol.

E
Creative Writing. Whether you want to write stories, poems or the history of your own life, this friendly group will help you get started. Fridays, 10.00 am–12.00 noon, for ten weeks from 17 January. Each member's work is read and discussed by the group, and at the end of the course a selection is printed in a small booklet.

How to enrol
You can enrol online at any time, or in person at the centre's reception desk between 9 am and 5 pm on weekdays. Fees must be paid in full when you enrol. If a course is cancelled because too few people have enrolled, you will receive a full refund. If you decide to withdraw, you can have your money back only if you tell us at least seven days before the first session.

Hiring a room at the centre
The centre has three rooms available for private hire: the Main Hall, which holds up to 120 people; the Garden Room, which holds 40 and opens onto a small lawn; and the Meeting Room, which seats 12 around a single table. Rooms are booked by the hour, with a minimum booking of two hours, and a 20 per cent discount is available to registered charities. The Main Hall has a stage and a sound system, but the use of the sound system must be arranged when you book. Tea and coffee can be made in the shared kitchen free of charge; hirers who wish to serve hot food must use an approved caterer. All events must finish by 11 pm, and each room must be left as it was found. A deposit of £50 is payable on booking and is returned within 14 days if no damage is found.`;

const passage2 = `Starting work at Northgate: a guide for new staff

A
On your first morning, please come to the main reception at 8.30 am rather than going straight to the warehouse floor. You will be met by a member of the Human Resources team, who will check your identity documents, take your photograph for your security pass and give you a locker key. Please bring your bank details so that we can set up your salary payments.

B
All new staff spend their first two days on a safety induction before they begin normal duties. This covers the safe lifting of loads, the use of ladders, what to do if the fire alarm sounds, and how to report an accident. You will not be allowed to operate any machinery, including pallet trucks, until you have completed the induction and passed a short test at the end of it.

C
Safety boots and a high-visibility jacket are provided free of charge and must be worn at all times on the warehouse floor. Jewellery other than a plain wedding ring should not be worn, and long hair must be tied back. If your boots become damaged, exchange them at the stores counter; do not continue to wear boots that no longer protect your feet.

D
The warehouse operates three shifts: early (6 am–2 pm), late (2 pm–10 pm) and night (10 pm–6 am). Your shift pattern will be agreed with your team leader and is normally fixed for at least a month at a time. If you want to swap a shift with a colleague, both of you must get your team leader's approval at least 48 hours in advance.

E
Each shift has two paid breaks of 15 minutes and one unpaid meal break of 30 minutes. The staff restaurant on the first floor serves hot meals at a reduced price during the early and late shifts; on night shifts, vending machines and a microwave are available. Food and drink must not be taken onto the warehouse floor.

F
If you are unable to come to work because of illness, phone the absence line before the start of your shift, and no later than one hour after it was due to begin. Do not send a text message or an email, as these are not always read in time. For absences of more than seven days, you will need a note from your doctor.

Claiming travel expenses
Staff who are asked to travel for work, for example to attend training at another site, can claim back the cost. Journeys by train or bus should be booked in standard class, and tickets must be kept. If you use your own car, you can claim 45p for each mile, but the distance must be measured from the warehouse, not from your home. Parking charges can be claimed if you have a receipt; parking fines cannot be claimed. Meals are paid for only when you are away from the site for more than five hours, up to a limit of £10 a day. All claims must be submitted through the online expenses system within one month of the journey, with photographs of your receipts attached. Claims approved by your manager are paid with your next monthly salary.`;

const passage3 = `In the summer of 1817, a German official named Karl Drais set off from the city of Mannheim on a strange wooden machine. It had two wheels in a line, a seat and a bar for steering, but no pedals: the rider sat astride it and pushed along the ground with his feet. Drais covered about 14 kilometres in roughly an hour, considerably faster than walking. His invention, which he called a running machine, was soon copied in France and Britain, where it became briefly fashionable among wealthy young men. Its popularity did not last. Riders complained about the effort needed on rough roads, and several cities banned the machines from pavements after collisions with pedestrians.

For almost half a century, little progress was made. Then, in the 1860s, French makers began to attach pedals directly to the front wheel. These machines, known as velocipedes, were heavy, with iron-covered wooden wheels, and the ride over cobbled streets was so uncomfortable that in Britain they earned the nickname "boneshakers". Because each turn of the pedals produced only one turn of the wheel, the only way to go faster was to make the front wheel bigger. By the 1870s this had led to the high-wheeler, or "penny-farthing", named after the contrast between a large British coin and a small one. Some front wheels were a metre and a half across. The machines were fast and, with solid rubber tyres and wire spokes, more comfortable than the boneshaker, but the rider sat so high that a sudden stop could throw him head first over the handlebars. Riding them was largely a sport for athletic young men.

The breakthrough came in the 1880s with the so-called safety bicycle. It had two wheels of equal size, and the rider pedalled a chain that drove the rear wheel. Gears allowed a small wheel to travel as far with each turn of the pedals as a large one, so there was no longer any need for a giant front wheel. The Rover, produced in the English city of Coventry in 1885, is often regarded as the first successful design of this type, and its basic shape is still recognisable in bicycles today. A few years later, the air-filled tyre, developed by John Boyd Dunlop in 1888 for his son's tricycle, made riding far smoother.

The result was a cycling boom. During the 1890s, bicycles were produced in enormous numbers in Europe and North America, and prices fell until they were within reach of many working people. For the first time, ordinary people could travel several kilometres to work or into the countryside without paying for a train or a horse. The bicycle had a particularly significant effect on the lives of women. It gave them a new freedom of movement, and it encouraged a change towards more practical clothing, since long skirts were easily caught in the chain. One American campaigner for women's rights famously remarked that the bicycle had done more to free women than anything else in the world.

The bicycle also helped to bring about other technologies. Techniques developed in bicycle factories, such as the accurate production of steel tubes and ball bearings, were later used in the manufacture of cars and aircraft. The Wright brothers, who made the first powered aeroplane flights in 1903, ran a bicycle shop in Ohio and built their early aircraft there. Campaigns by cyclists for better roads, particularly in the United States and Britain, prepared the way for the smooth surfaces on which cars would soon depend.

Ironically, it was the car that brought the bicycle's first golden age to an end. As cars became cheaper in the decades after the First World War, cycling declined in many countries, and by the 1960s it was seen in much of North America as an activity mainly for children. In other places, however, it remained an everyday form of transport. In the Netherlands and Denmark, strong public pressure in the 1970s, prompted partly by concern about road deaths and partly by a sharp rise in oil prices, persuaded governments to build networks of separate cycle paths, and cycling remains extremely common in both countries today.

In recent years, the bicycle has enjoyed a revival in many cities. Public bicycle-sharing schemes, in which bikes can be hired from one docking station and returned to another, now operate in hundreds of cities around the world, and electric bicycles, which use a small motor to assist the rider, have made cycling practical for older people and for those who live in hilly areas. Two centuries after Drais pushed his running machine along a German road, the bicycle remains one of the most efficient ways ever devised of moving a human being from one place to another.`;

/** General Training Reading practice test 1: three original sections and 40 questions. */
export const readingGeneralTrainingTest1: Question = {
  ...emptyQuestionFields(),
  question_id: 'rg-test-01',
  assessment_type: 'reading_general_training',
  title: 'General Training Reading practice test 1',
  prompt: `You should spend about 20 minutes on each section. There are ${TEST_LIMITS.reading.questions} questions. Write your answers exactly as the instructions ask; spelling must be correct.`,
  time_limit: TEST_LIMITS.reading.minutes,
  passages: [
    { part: 1, title: 'Brookfield Community Centre', text: passage1 },
    { part: 2, title: 'Working at Northgate Distribution', text: passage2 },
    { part: 3, title: 'The Bicycle: Two Hundred Years on Two Wheels', text: passage3 },
  ],
  question_groups: [
    {
      group_id: 'rg-test-01-q01-06',
      part: 1,
      instructions:
        'Questions 1–6. Look at the five advertisements for courses, A–E. Which advertisement mentions the following information? Write the correct letter, A–E. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E'] },
      options: [],
      questions: [
        { number: 1, text: 'The course takes place during the daytime.' },
        { number: 2, text: 'Some people can attend the course without paying.' },
        { number: 3, text: 'Learners will have to pay for additional items.' },
        { number: 4, text: 'The course includes an activity away from the centre.' },
        { number: 5, text: 'Some of the learners’ work will be published.' },
        { number: 6, text: 'The course is designed for people planning a trip abroad.' },
      ],
    },
    {
      group_id: 'rg-test-01-q07-14',
      part: 1,
      instructions:
        'Questions 7–14. Do the following statements agree with the information given in the texts on enrolling and hiring a room? Write TRUE if the statement agrees with the information, FALSE if the statement contradicts the information, or NOT GIVEN if there is no information on this.',
      answer_format: { kind: 'true_false_not_given' },
      options: [],
      questions: [
        { number: 7, text: 'It is possible to enrol on a course over the internet.' },
        { number: 8, text: 'Learners may pay part of the fee after the course has started.' },
        { number: 9, text: 'The centre returns the fee if it cancels a course.' },
        { number: 10, text: 'The Garden Room is the most popular room for parties.' },
        { number: 11, text: 'A room can be hired for a single hour.' },
        { number: 12, text: 'Registered charities pay less to hire a room.' },
        { number: 13, text: 'There is a charge for using the kitchen.' },
        { number: 14, text: 'Hirers must arrange the use of the Main Hall’s sound system in advance.' },
      ],
    },
    {
      group_id: 'rg-test-01-q15-20',
      part: 2,
      instructions:
        'Questions 15–20. The guide for new staff has six sections, A–F. Choose the correct heading for each section from the list of headings below. Write the correct number, i–ix.',
      answer_format: { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'] },
      options: [
        { letter: 'i', text: 'Telling us you are ill' },
        { letter: 'ii', text: 'Protective clothing' },
        { letter: 'iii', text: 'Time for eating and resting' },
        { letter: 'iv', text: 'What happens when you first arrive' },
        { letter: 'v', text: 'Opportunities for promotion' },
        { letter: 'vi', text: 'Working hours and how to change them' },
        { letter: 'vii', text: 'Learning to work safely' },
        { letter: 'viii', text: 'Parking at the site' },
        { letter: 'ix', text: 'Paying for lost equipment' },
      ],
      questions: [
        { number: 15, text: 'Section A' },
        { number: 16, text: 'Section B' },
        { number: 17, text: 'Section C' },
        { number: 18, text: 'Section D' },
        { number: 19, text: 'Section E' },
        { number: 20, text: 'Section F' },
      ],
    },
    {
      group_id: 'rg-test-01-q21-27',
      part: 2,
      instructions:
        'Questions 21–27. Complete the notes below. Choose NO MORE THAN TWO WORDS AND/OR A NUMBER from the text on travel expenses for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 21, text: 'Train and bus: book tickets in ________ and keep them.' },
        { number: 22, text: 'Own car: the rate is ________ for each mile.' },
        { number: 23, text: 'Own car: distances are measured from the ________.' },
        { number: 24, text: 'Parking: charges can be claimed with a ________.' },
        { number: 25, text: 'Meals: paid only after more than ________ hours away from the site.' },
        { number: 26, text: 'Meals: the most that can be claimed is ________ a day.' },
        { number: 27, text: 'Claims: submit online within ________ of the journey.' },
      ],
    },
    {
      group_id: 'rg-test-01-q28',
      part: 3,
      instructions: 'Question 28. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'It was too expensive for most people.' },
        { letter: 'B', text: 'It needed a lot of effort on poor roads.' },
        { letter: 'C', text: 'It was banned throughout Germany.' },
        { letter: 'D', text: 'It could not be steered.' },
      ],
      questions: [{ number: 28, text: 'Why did the running machine become less popular?' }],
    },
    {
      group_id: 'rg-test-01-q29',
      part: 3,
      instructions: 'Question 29. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'the person who designed it' },
        { letter: 'B', text: 'the price it was sold for' },
        { letter: 'C', text: 'two coins of different sizes' },
        { letter: 'D', text: 'a famous race in Britain' },
      ],
      questions: [{ number: 29, text: 'The penny-farthing was named after' }],
    },
    {
      group_id: 'rg-test-01-q30',
      part: 3,
      instructions: 'Question 30. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'air-filled tyres' },
        { letter: 'B', text: 'a chain and gears' },
        { letter: 'C', text: 'lighter materials' },
        { letter: 'D', text: 'wire spokes' },
      ],
      questions: [{ number: 30, text: 'What made a giant front wheel unnecessary?' }],
    },
    {
      group_id: 'rg-test-01-q31',
      part: 3,
      instructions: 'Question 31. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'Cycling there fell sharply in the 1970s.' },
        { letter: 'B', text: 'Public pressure led to the building of separate cycle paths.' },
        { letter: 'C', text: 'Cycling there is now mainly an activity for children.' },
        { letter: 'D', text: 'High oil prices made bicycles more expensive.' },
      ],
      questions: [{ number: 31, text: 'What does the writer say about the Netherlands and Denmark?' }],
    },
    {
      group_id: 'rg-test-01-q32-36',
      part: 3,
      instructions: 'Questions 32–36. Complete the summary below. Choose ONE WORD ONLY from the text for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 32, text: 'In the 1890s, falling ________ meant that many working people could buy a bicycle.' },
        { number: 33, text: 'Women gained a new freedom of movement and began to wear more practical ________.' },
        { number: 34, text: 'Long skirts were a problem because they could get caught in the ________.' },
        { number: 35, text: 'Bicycle factories developed the accurate production of steel tubes and ball ________.' },
        { number: 36, text: 'Cyclists’ campaigns for better ________ helped to prepare the way for the car.' },
      ],
    },
    {
      group_id: 'rg-test-01-q37-40',
      part: 3,
      instructions:
        'Questions 37–40. Answer the questions below. Choose NO MORE THAN THREE WORDS AND/OR A NUMBER from the text for each answer.',
      answer_format: { kind: 'words', max_words: 3, numbers_allowed: true },
      options: [],
      questions: [
        { number: 37, text: 'From which city did Drais set off on his machine in 1817?' },
        { number: 38, text: 'In what year was the Rover produced?' },
        { number: 39, text: 'What kind of business did the Wright brothers run?' },
        { number: 40, text: 'What assists the rider of an electric bicycle?' },
      ],
    },
  ],
  answer_key: {
    '1': 'E',
    '2': 'D',
    '3': 'C',
    '4': 'B',
    '5': 'E',
    '6': 'A',
    '7': 'TRUE',
    '8': 'FALSE',
    '9': 'TRUE',
    '10': 'NOT GIVEN',
    '11': 'FALSE',
    '12': 'TRUE',
    '13': 'FALSE',
    '14': 'TRUE',
    '15': 'iv',
    '16': 'vii',
    '17': 'ii',
    '18': 'vi',
    '19': 'iii',
    '20': 'i',
    '21': 'standard class',
    '22': '45p / 45 pence',
    '23': 'warehouse',
    '24': 'receipt',
    '25': 'five / 5',
    '26': '£10 / 10 pounds',
    '27': 'one month / 1 month / a month',
    '28': 'B',
    '29': 'C',
    '30': 'B',
    '31': 'B',
    '32': 'prices',
    '33': 'clothing',
    '34': 'chain',
    '35': 'bearings',
    '36': 'roads',
    '37': 'Mannheim',
    '38': '1885',
    '39': '(a) bicycle shop',
    '40': '(a) (small) motor',
  },
  tags: ['general-training', 'full-test'],
};
