import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original passages written for this project. Paragraphs are separated by a blank line;
// lettered paragraphs start with the letter on a line of its own, as matching tasks refer to them.

const passage1 = `A
Every autumn, billions of birds leave their breeding grounds and fly to places where food will be easier to find in winter. Some travel only a few hundred kilometres; others cover astonishing distances. The Arctic tern, which breeds around the Arctic and spends the northern winter in the Antarctic, may fly 70,000 kilometres or more in a single year. Even small songbirds weighing less than a coin regularly cross deserts and seas without stopping. Remarkably, many of them return each spring not just to the same region but to the same wood or even the same tree. How they achieve such accuracy has puzzled naturalists for centuries, and it is only in the last seventy years that experiments have begun to provide answers.

B
The first clues came from watching caged birds. In the 1950s, the German ornithologist Gustav Kramer noticed that caged starlings became restless at migration time and tended to face in the direction in which they would normally have flown. When he used mirrors to shift the apparent position of the sun, the birds changed direction accordingly. This showed that they were using the sun as a compass. Because the sun moves across the sky during the day, it also implied that birds must have an internal clock that allowed them to correct for the time of day; a bird that kept flying towards the sun would otherwise travel east in the morning and west in the evening.

C
But many birds, including most small songbirds, migrate at night. Experiments in planetariums, in which the pattern of stars on the dome could be controlled, showed that night-flying songbirds learn the rotation of the night sky when they are young and use the point around which the stars turn, close to the Pole Star in the northern hemisphere, to find north. Young birds raised under an artificial sky that rotated around a different star later oriented themselves by that star instead. The star compass, it seems, is not inherited but acquired, and a bird that grows up without seeing the night sky may never develop it properly.

D
Neither the sun nor the stars can help on a cloudy night, yet birds continue to navigate. Part of the explanation is the Earth's magnetic field. In the 1960s, researchers found that European robins kept in cages oriented correctly even when they could see nothing of the sky, and that their choice of direction changed when the magnetic field around them was altered artificially. Exactly how birds sense the field is still debated. One theory holds that special molecules in the eye react to magnetism in a way that may allow the bird to see the field as a pattern laid over its normal vision. Another proposes that tiny particles of a magnetic mineral in the beak act like the needle of a compass, although recent studies have cast doubt on this idea.

E
A compass, however, only tells an animal which way is north; it does not tell it where it is. Experiments in which birds were captured during migration and transported hundreds of kilometres before being released have revealed an interesting difference between young and adult birds. Young birds on their first migration simply continued flying in the same direction as before and ended up in the wrong place. Adults, by contrast, corrected their course and headed for their usual winter quarters. This suggests that experienced birds have something like a map as well as a compass, although what the map is made of, whether magnetic signals, smells, sounds or some combination of these, remains uncertain.

F
Understanding bird navigation is not only of scientific interest. Artificial light from cities can confuse birds that migrate at night, drawing them towards brightly lit buildings, where many are killed in collisions. Some cities now ask the owners of tall buildings to switch off unnecessary lights during peak migration periods, a simple measure that volunteers in several cities have shown can greatly reduce the number of dead birds found on the pavements each morning. There is also evidence that electromagnetic noise from electronic equipment can disrupt the magnetic compass of some species. As researchers learn more about the senses that birds rely on, they hope to find ways of reducing the obstacles that human activity has placed in their path.`;

const passage2 = `Long before concrete and steel, people built with the ground beneath their feet. Earth is found almost everywhere, costs little or nothing, and can be shaped with simple tools, and by some estimates more than a billion people still live in houses made largely from it. Some earth buildings have lasted for centuries: parts of the Great Wall of China were built from compacted earth, and the city of Shibam in Yemen contains tower houses of mud brick several storeys high, many of them hundreds of years old. In recent decades, architects in wealthier countries have begun to take a fresh interest in these ancient techniques, attracted by their low environmental impact.

Three traditional methods are especially widespread. The first, adobe, involves mixing soil with water and usually some straw, pressing the mixture into wooden moulds to form bricks, and leaving the bricks to dry in the sun for several weeks. Adobe is well suited to hot, dry climates, and the bricks can be made by hand with very little equipment. The second method, rammed earth, uses damp soil that is poured in layers into a temporary frame, called formwork, and then compacted with heavy tools until it is extremely dense. When the formwork is removed, the result is a solid wall, often with attractive horizontal stripes that show each layer. The third, cob, is a stiff mixture of clay, sand, straw and water that is built up by hand, lump by lump, without moulds or frames. Because it needs no formwork, cob can be shaped into curves and rounded forms, but each section must be allowed to firm up before the next is added, so building is slow.

Earth walls have a number of practical advantages. Their great thickness and weight give them what engineers call thermal mass: they absorb heat slowly during the day and release it slowly at night, keeping indoor temperatures steady. In regions with hot days and cool nights, this can greatly reduce the need for heating and cooling. Earth also absorbs and releases moisture from the air, which helps to keep humidity within a comfortable range. Unlike fired bricks or cement, it requires little energy to produce, since it does not need to be heated in a kiln, and at the end of a building's life it can simply be returned to the ground or reused.

The material also has well-known weaknesses. Earth loses much of its strength when it becomes wet, so earth buildings need what builders describe as "a good hat and good boots": wide roofs that keep rain off the walls, and foundations of stone or concrete that keep them clear of damp ground. In areas at risk of earthquakes, heavy earth walls can collapse if they are not reinforced, and in some earthquakes many of the deaths have been caused by the failure of poorly built adobe houses. Engineers have developed ways of reducing this danger, for example by adding horizontal bands of timber or embedding mesh in the walls, but these add to the cost and complexity of construction.

Modern builders have responded to some of these problems by adding a small quantity of cement to the soil, typically between five and ten per cent, which makes rammed earth walls far more resistant to rain. This approach, known as stabilised rammed earth, is now common in Australia and parts of North America. Critics point out, however, that adding cement removes some of the environmental benefit that made earth attractive in the first place, and makes the material much harder to recycle. Other builders prefer to rely on careful design rather than additives, protecting the walls with a render made of lime or clay.

A further obstacle is regulation. Building codes in many countries were written with fired brick, concrete and timber in mind, and they often contain no standards for earth. As a result, an architect who wants to use earth may have to commission expensive tests to prove that a design is safe, and insurers and banks may be reluctant to support a project whose materials are unfamiliar to them. A few countries, including New Zealand, have introduced specific standards for earth building, and supporters argue that others should follow.

Labour is another consideration. In countries where wages are low, the fact that earth building takes many hours of work is not a serious disadvantage, and the money saved on materials is considerable. Where labour is expensive, however, a rammed earth wall can cost more than a conventional one, and it is mainly clients with strong environmental convictions who are prepared to pay. Some companies are trying to change this by using machines to compact the soil, or by making large earth panels in factories that can be assembled quickly on site.

Whether earth will ever become a mainstream building material in industrialised countries remains to be seen. Its advocates do not claim that it can replace concrete everywhere. Their argument is a more modest one: that a material which has sheltered people for thousands of years, and which can often be dug from the very site on which a building stands, deserves to be treated as a serious option rather than a curiosity.`;

const passage3 = `A
Most of us spend a surprising amount of our lives waiting: in supermarkets and airports, on the telephone, in traffic and in doctors' surgeries. Much of this time is unavoidable, but the way it feels is not fixed. Two waits of exactly the same length can seem very different, depending on the circumstances in which they take place. Organisations that understand this have learned that making a wait feel shorter can be far cheaper than actually shortening it, and, in my view, the lessons they have learned deserve a much wider audience.

B
One of the best-known illustrations comes from an airport that received a steady stream of complaints about the time passengers spent waiting for their luggage. The managers hired extra baggage handlers, which reduced the average wait to around eight minutes, but the complaints continued. Closer investigation showed that passengers took about a minute to walk from the plane to the baggage hall and then stood for the remaining seven minutes. The airport's solution was to move arrivals to gates further from the hall, so that passengers spent most of the time walking. The total time was unchanged, yet complaints fell almost to nothing.

C
The lesson of the story is that empty time feels longer than occupied time. The psychologist Dr Elena Varga, who has studied waiting for more than twenty years, explains this in terms of attention: when there is nothing else to think about, we notice the passing of time itself, and the more we notice it, the more of it there seems to be. This is why so many waiting areas contain mirrors, screens or magazines. Varga points out, however, that distractions only work if people find them genuinely interesting. A television showing the same advertisements on a loop may simply remind people how long they have been watching.

D
Uncertainty makes matters worse. A wait whose length is known, even a long one, is generally easier to bear than one whose end cannot be predicted. Professor Tomas Lindgren, an economist who studies customer behaviour, has found that callers who are told their position in a telephone queue are less likely to hang up than those who simply hear music, even when the information tells them they have a long time to go. Lindgren warns, though, that estimates must be honest. Customers who are told they will wait five minutes and then wait fifteen are angrier than those who were never given an estimate at all.

E
Fairness is perhaps the most powerful factor of all. People will accept a considerable delay if they believe everyone is being treated equally, but they become intensely annoyed if someone who arrived later is served first. This is one reason why many banks and post offices have replaced several separate lines with a single queue that feeds all the counters. The average wait may be no shorter, but nobody has to watch a neighbouring line move faster than their own. According to the sociologist Dr Amara Okafor, the single line also removes the anxiety of choosing the "wrong" queue, which she describes as one of the most stressful aspects of shopping.

F
Okafor has also studied the way in which people defend their place. In one set of observations, she found that people standing in a queue were far more likely to object when someone pushed in directly in front of them than when someone joined several places further back, even though both made them wait equally long. She concludes that queues are not only a practical arrangement but a small social system with its own unwritten rules, and that those who break the rules provoke a reaction out of all proportion to the time they cost others.

G
I do not want to suggest that the psychology of waiting is simply a trick for keeping customers quiet. There is a real danger that organisations will use distractions and clever design as an excuse for not employing enough staff. A long wait that feels short is still a long wait, and for people who are paid by the hour or who have children to collect, the real time matters. But where delays cannot be avoided, there seems to me no good reason why they should be made more unpleasant than necessary. Attention to the experience of waiting is, in the end, a sign of respect for the people who are doing it.`;

/** Academic Reading practice test 3: three original passages and 40 questions. */
export const readingAcademicTest3: Question = {
  ...emptyQuestionFields(),
  question_id: 'ra-test-03',
  assessment_type: 'reading_academic',
  title: 'Academic Reading practice test 3',
  prompt: `You should spend about 20 minutes on each passage. There are ${TEST_LIMITS.reading.questions} questions. Write your answers exactly as the instructions ask; spelling must be correct.`,
  time_limit: TEST_LIMITS.reading.minutes,
  passages: [
    { part: 1, title: 'How Birds Find Their Way', text: passage1 },
    { part: 2, title: 'Building with Earth', text: passage2 },
    { part: 3, title: 'Why Waiting Feels Longer Than It Is', text: passage3 },
  ],
  question_groups: [
    {
      group_id: 'ra-test-03-q01-06',
      part: 1,
      instructions:
        'Questions 1–6. Reading Passage 1 has six paragraphs, A–F. Choose the correct heading for each paragraph from the list of headings below. Write the correct number, i–viii.',
      answer_format: { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'] },
      options: [
        { letter: 'i', text: 'Why knowing the direction is not enough' },
        { letter: 'ii', text: 'Learning to read the night sky' },
        { letter: 'iii', text: 'Extraordinary journeys and a long-standing puzzle' },
        { letter: 'iv', text: 'Obstacles created by people' },
        { letter: 'v', text: 'Finding the way without a view of the sky' },
        { letter: 'vi', text: 'Differences between male and female birds' },
        { letter: 'vii', text: 'Following the sun' },
        { letter: 'viii', text: 'The cost of flying long distances' },
      ],
      questions: [
        { number: 1, text: 'Paragraph A' },
        { number: 2, text: 'Paragraph B' },
        { number: 3, text: 'Paragraph C' },
        { number: 4, text: 'Paragraph D' },
        { number: 5, text: 'Paragraph E' },
        { number: 6, text: 'Paragraph F' },
      ],
    },
    {
      group_id: 'ra-test-03-q07-10',
      part: 1,
      instructions:
        'Questions 7–10. Do the following statements agree with the information given in Reading Passage 1? Write TRUE if the statement agrees with the information, FALSE if the statement contradicts the information, or NOT GIVEN if there is no information on this.',
      answer_format: { kind: 'true_false_not_given' },
      options: [],
      questions: [
        { number: 7, text: 'Many migrating birds return to exactly the same place each year.' },
        { number: 8, text: 'Kramer’s starlings faced in random directions at migration time.' },
        { number: 9, text: 'Birds raised under an artificial sky used a star other than the Pole Star to find their direction.' },
        { number: 10, text: 'European robins navigate more accurately than other species of bird.' },
      ],
    },
    {
      group_id: 'ra-test-03-q11-13',
      part: 1,
      instructions:
        'Questions 11–13. Answer the questions below. Choose NO MORE THAN TWO WORDS AND/OR A NUMBER from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 11, text: 'What did Kramer use to change where the sun appeared to be?' },
        { number: 12, text: 'In which part of a bird’s body may special molecules react to magnetism?' },
        { number: 13, text: 'Which birds corrected their course after being moved hundreds of kilometres?' },
      ],
    },
    {
      group_id: 'ra-test-03-q14-19',
      part: 2,
      instructions: 'Questions 14–19. Complete the table below. Choose ONE WORD ONLY from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 14, text: 'Adobe | how it is made: soil, water and straw are pressed into wooden ________ to form bricks' },
        { number: 15, text: 'Adobe | how it is made: the bricks are left to dry in the ________' },
        { number: 16, text: 'Rammed earth | how it is made: damp soil is compacted in layers inside a temporary frame, called ________' },
        { number: 17, text: 'Rammed earth | appearance: the walls often show horizontal ________' },
        { number: 18, text: 'Cob | advantage: it can be shaped into ________ and rounded forms' },
        { number: 19, text: 'Cob | disadvantage: building is ________ because each section must firm up first' },
      ],
    },
    {
      group_id: 'ra-test-03-q20',
      part: 2,
      instructions: 'Question 20. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'They are found only in dry countries.' },
        { letter: 'B', text: 'Some of them have survived for hundreds of years.' },
        { letter: 'C', text: 'Most of them are now designed by architects.' },
        { letter: 'D', text: 'They cost more to build than concrete buildings.' },
      ],
      questions: [{ number: 20, text: 'What does the writer say about earth buildings in the first paragraph?' }],
    },
    {
      group_id: 'ra-test-03-q21',
      part: 2,
      instructions: 'Question 21. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'reflect the heat of the sun.' },
        { letter: 'B', text: 'dry out quickly after rain.' },
        { letter: 'C', text: 'keep indoor temperatures steady.' },
        { letter: 'D', text: 'need no foundations.' },
      ],
      questions: [{ number: 21, text: 'According to the passage, the thermal mass of earth walls is useful because they' }],
    },
    {
      group_id: 'ra-test-03-q22',
      part: 2,
      instructions: 'Question 22. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'protecting the walls from water' },
        { letter: 'B', text: 'the clothing builders should wear' },
        { letter: 'C', text: 'strengthening walls against earthquakes' },
        { letter: 'D', text: 'decorating the outside of a building' },
      ],
      questions: [{ number: 22, text: 'The expression “a good hat and good boots” refers to' }],
    },
    {
      group_id: 'ra-test-03-q23',
      part: 2,
      instructions: 'Question 23. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'It is not strong enough for tall buildings.' },
        { letter: 'B', text: 'It is permitted only in Australia.' },
        { letter: 'C', text: 'It takes away some of the environmental advantages of earth.' },
        { letter: 'D', text: 'It needs more labour than other methods.' },
      ],
      questions: [{ number: 23, text: 'What is the criticism of stabilised rammed earth mentioned in the passage?' }],
    },
    {
      group_id: 'ra-test-03-q24-26',
      part: 2,
      instructions: 'Questions 24–26. Complete the summary below. Choose ONE WORD ONLY from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        {
          number: 24,
          text: 'Because building codes rarely include earth, an architect may have to pay for expensive ________ to show that a design is safe.',
        },
        { number: 25, text: 'Where ________ is expensive, a rammed earth wall can cost more than a conventional one.' },
        { number: 26, text: 'Some companies now make large earth ________ in factories to be assembled on site.' },
      ],
    },
    {
      group_id: 'ra-test-03-q27-31',
      part: 3,
      instructions:
        'Questions 27–31. Look at the following statements and the list of researchers below. Match each statement with the correct researcher, A, B or C. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C'] },
      options: [
        { letter: 'A', text: 'Elena Varga' },
        { letter: 'B', text: 'Tomas Lindgren' },
        { letter: 'C', text: 'Amara Okafor' },
      ],
      questions: [
        { number: 27, text: 'Giving people wrong information about the length of a wait can be worse than giving none.' },
        { number: 28, text: 'Having to choose between several lines is a major cause of stress.' },
        { number: 29, text: 'Entertainment offered to people who are waiting may fail to help.' },
        { number: 30, text: 'How people react to queue-jumping depends on where the newcomer joins the line.' },
        { number: 31, text: 'Paying attention to time makes it seem to pass more slowly.' },
      ],
    },
    {
      group_id: 'ra-test-03-q32-36',
      part: 3,
      instructions:
        'Questions 32–36. Do the following statements agree with the claims of the writer in Reading Passage 3? Write YES if the statement agrees with the claims of the writer, NO if the statement contradicts the claims of the writer, or NOT GIVEN if it is impossible to say what the writer thinks about this.',
      answer_format: { kind: 'yes_no_not_given' },
      options: [],
      questions: [
        { number: 32, text: 'What organisations have learned about waiting should be more widely known.' },
        { number: 33, text: 'Waiting on the telephone is more stressful than waiting in person.' },
        { number: 34, text: 'The main advantage of a single queue is that it serves customers more quickly.' },
        { number: 35, text: 'Some organisations may use the psychology of waiting to avoid employing enough staff.' },
        { number: 36, text: 'The real length of a wait does not matter if the wait feels short.' },
      ],
    },
    {
      group_id: 'ra-test-03-q37-40',
      part: 3,
      instructions: 'Questions 37–40. Complete the sentences below. Choose ONE WORD ONLY from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 37, text: 'After the airport moved arrivals to distant gates, passengers spent most of their time ________.' },
        { number: 38, text: 'Waiting areas often contain mirrors, screens or ________ to occupy people.' },
        { number: 39, text: 'Callers who are told their ________ in a telephone queue are less likely to hang up.' },
        { number: 40, text: 'Okafor describes a queue as a small social ________ with its own unwritten rules.' },
      ],
    },
  ],
  answer_key: {
    '1': 'iii',
    '2': 'vii',
    '3': 'ii',
    '4': 'v',
    '5': 'i',
    '6': 'iv',
    '7': 'TRUE',
    '8': 'FALSE',
    '9': 'TRUE',
    '10': 'NOT GIVEN',
    '11': 'mirrors',
    '12': '(the) eye / (the) eyes',
    '13': '(the) adults / adult birds',
    '14': 'moulds / molds',
    '15': 'sun',
    '16': 'formwork',
    '17': 'stripes',
    '18': 'curves',
    '19': 'slow',
    '20': 'B',
    '21': 'C',
    '22': 'A',
    '23': 'C',
    '24': 'tests',
    '25': 'labour / labor',
    '26': 'panels',
    '27': 'B',
    '28': 'C',
    '29': 'A',
    '30': 'C',
    '31': 'A',
    '32': 'YES',
    '33': 'NOT GIVEN',
    '34': 'NO',
    '35': 'YES',
    '36': 'NO',
    '37': 'walking',
    '38': 'magazines',
    '39': 'position',
    '40': 'system',
  },
  tags: ['academic', 'full-test'],
};
