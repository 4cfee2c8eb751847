import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original passages written for this project. Paragraphs are separated by a blank line;
// lettered paragraphs start with the letter on a line of its own, as matching tasks refer to them.

const passage1 = `For most of its history, paper was made not from trees but from old clothes. The craft began in China, where by the second century CE makers were beating plant fibres and worn-out fabric into a pulp, spreading it thinly over a screen and leaving it to dry. The technique travelled slowly westwards along trade routes, reaching the Islamic world in the eighth century and Europe some four hundred years later. By the fourteenth century, paper mills were operating in Italy, France and Germany, and the material had begun to replace parchment, which was made from animal skin and was far more expensive.

European papermakers relied almost entirely on linen and cotton rags. These were collected from households by rag merchants, who sold them on to the mills in large bundles. At the mill, the rags were first sorted by hand according to colour and quality, since white linen produced the finest sheets, while coarse or coloured cloth was kept for cheaper grades such as wrapping paper. The sorted rags were then left in damp heaps for several weeks to ferment. This process weakened the fibres and made them easier to break down, although it also filled the mill with an unpleasant smell.

Next, the softened rags were beaten. In early mills this was done by heavy wooden hammers driven by a water wheel, which pounded the cloth in troughs of water for many hours until it separated into individual fibres. In the late seventeenth century, Dutch millers introduced a machine that became known as the Hollander beater, in which a rotating roller fitted with metal blades cut and rubbed the fibres against a fixed plate. The Hollander produced pulp in a fraction of the time, and its use spread quickly across Europe.

The pulp was poured into a large tub, known as a vat, and diluted with water until it resembled thin porridge. A skilled worker, the vatman, then dipped a mould into the mixture. The mould was a rectangular wooden frame covered with fine wire mesh. As the vatman lifted it out and shook it gently from side to side, the water drained away through the mesh and the fibres locked together into a thin, even layer. A second worker turned the wet sheet out onto a piece of woollen felt, and a pile of alternating sheets and felts was then squeezed in a press to remove as much water as possible. Finally, the sheets were hung over ropes in a drying loft, often for several days.

Paper made in this way was strong and long-lasting, and some books printed on rag paper five hundred years ago are still in excellent condition. The difficulty was supply. As printing spread and literacy rose during the eighteenth century, demand for paper grew much faster than the number of rags available. Mills competed fiercely for raw material, governments in some countries banned the export of rags, and papermakers experimented with alternatives ranging from straw to nettles. In 1719 the French scientist René de Réaumur observed that wasps build their nests from chewed wood and suggested that people might do the same, but more than a century passed before anyone succeeded in doing so on a commercial scale.

Two developments finally solved the problem. The first was the papermaking machine. In 1799 a Frenchman, Nicolas-Louis Robert, patented a device that formed paper on a continuous moving belt of wire mesh rather than one sheet at a time. The design was improved in England by the Fourdrinier brothers, whose name is still used for machines of this type. A machine could produce a roll of paper many metres long in the time it took a vatman to make a handful of sheets. The second development, in the 1840s, was a method of grinding logs against a rotating stone to produce wood pulp. Later in the century, chemical processes were developed that dissolved the substance that binds wood fibres together, known as lignin, giving a purer and whiter pulp.

Wood pulp made paper cheap enough for mass-circulation newspapers, paperback books and countless everyday items. It also brought an unexpected problem. Much of the paper produced between about 1850 and 1980 was treated with chemicals that made it slightly acidic, and over time this acid attacks the fibres. Libraries around the world now hold millions of books from this period whose pages have turned yellow and brittle, and which may crumble when they are opened. Conservators have developed ways of neutralising the acid, usually by soaking whole volumes in an alkaline solution, but the work is slow and costly, and the number of books at risk far exceeds what can be treated.

Today most paper is made from a mixture of wood pulp and recycled fibre, and the industry is one of the largest industrial users of water and energy in the world. Yet the basic principle has hardly changed in two thousand years: fibres are separated in water, spread on a mesh, and allowed to bond together as they dry. A Chinese papermaker of the second century would recognise the process at once, even if the speed of a modern machine, which can turn out a continuous sheet many kilometres long every hour, would astonish him.`;

const passage2 = `A
On a still summer evening, the centre of a large city can be several degrees warmer than the surrounding countryside. The difference was first recorded in the early nineteenth century by an amateur scientist who noticed that his thermometers in London gave higher readings than those a few miles outside it. Today the phenomenon is known as the urban heat island, and it has been measured in cities on every continent. It is usually strongest at night, when the countryside cools quickly but streets and buildings go on releasing the heat they absorbed during the day. As more of the world's population moves into cities, and as the climate itself grows warmer, understanding this effect has become a practical concern for planners rather than a scientific curiosity.

B
Several causes work together. Dark surfaces such as asphalt roads and roofs absorb a large share of the sunlight that falls on them, whereas grass and trees reflect more of it and use much of the remainder to evaporate water, which cools the air around them. Concrete and brick store heat and release it slowly. Tall buildings trap warmth between them and reduce the wind that might otherwise carry it away. On top of all this, cities produce heat of their own, from vehicle engines, factories and the air-conditioning units that pump warm air out of buildings. The urban climatologist Dr Maria Castellano argues that, of these causes, the loss of vegetation is the most important, since it removes the cooling effect of evaporation almost entirely.

C
The consequences go well beyond discomfort. During heatwaves, death rates in cities rise sharply, particularly among elderly people and those with heart or breathing problems. Professor Kwame Asante, who studies public health, has found that the risk is greatest not on the hottest afternoons but after several nights in a row on which temperatures fail to drop, because the body never has a chance to recover. Heat islands also increase demand for electricity, as more people switch on air conditioning, which in turn releases more heat into the streets. Higher temperatures also speed up the chemical reactions that produce ground-level ozone, a pollutant that irritates the lungs.

D
Not everyone in a city is equally exposed. Studies in a number of countries have found that poorer neighbourhoods are often noticeably hotter than wealthier ones in the same city. These districts tend to have fewer parks and street trees, more densely packed housing and more land given over to roads and car parks. Dr Hannah Lindqvist, a geographer who has mapped temperatures street by street, points out that residents of the hottest areas are also the least likely to own air conditioning, so they face the greatest heat with the least protection. She believes that temperature maps should be used to decide where public money for cooling is spent first.

E
Cities have begun to respond in a variety of ways. One of the simplest is to change the colour of surfaces. Roofs painted white or covered with reflective materials can stay much cooler than dark ones in full sun, and some cities now require them on new buildings. Pale paving and lighter road surfaces are being tested in a number of places, although they are more expensive to maintain. Planting trees is another common approach, because a mature tree both shades the ground and cools the air through evaporation. Green roofs, covered with soil and plants, insulate the buildings below them as well as cooling the air above. Some cities have also opened up rivers that had been buried in pipes beneath the streets, creating cooler corridors of water and vegetation through the city centre.

F
None of these measures is without drawbacks. Trees take decades to reach full size, need water during droughts and can damage pavements with their roots. Reflective surfaces at street level can bounce heat and glare onto pedestrians, making them feel hotter rather than cooler. Dr Rajiv Menon, an engineer who advises city governments, warns that no single solution will work everywhere, and that the right combination depends on a city's climate, its layout and its budget. He also notes that the benefits of cooling projects are often underestimated, because savings in healthcare and energy appear in different budgets from the costs of planting and building. A hospital that treats fewer patients during a heatwave, for instance, rarely connects this with the trees that the parks department planted ten years earlier.`;

const passage3 = `We tend to think of forgetting as a failure. A name slips away at a party, a password refuses to come to mind, a student stares at an examination paper and finds that a term learned the night before has vanished. Such moments are frustrating, and it is natural to wish for a memory that kept everything. Yet a growing body of research suggests that forgetting is not simply the breakdown of memory but one of its essential functions, and I believe we would be far worse off without it.

Consider first what a perfect memory would be like. There have been a small number of well-documented cases of people who seemed unable to forget. One of the most famous, a journalist studied by a Russian psychologist in the early twentieth century, could repeat long lists of numbers or nonsense syllables years after hearing them once. Yet he found it difficult to follow ordinary conversation, because every word called up a flood of images and associations that he could not switch off, and he struggled to recognise faces, which seemed to him to change with every expression. His extraordinary memory, in other words, came at a considerable cost.

The reason is that remembering is not an end in itself. The purpose of memory is to help us act sensibly in the present and make good predictions about the future. For that, we need general patterns more than specific details. If you remember every individual occasion on which you have walked down your street, you may find it harder, not easier, to know what the street is usually like. Forgetting the particulars allows the general picture to emerge. Some neuroscientists now argue that the brain actively removes or weakens memories, and that this process is as carefully regulated as the process of storing them in the first place.

Forgetting also helps us to cope with change. Information that was once accurate often becomes out of date: a friend moves house, a shop closes, the rules of a game are revised. A memory that held on equally firmly to old and new information would constantly confuse the two. Experiments in which people learn one list of words and then a second have shown that the act of remembering the second list tends to suppress the first, and that this suppression makes the newer material easier to recall. Far from being a weakness, this kind of forgetting appears to be a way of keeping our knowledge up to date.

There is an emotional side to this as well. People who have lived through painful events naturally remember them, but for most, the sharpest details fade over time, and the memory becomes easier to live with. For a minority, this fading does not happen, and the memory returns again and again as vividly as when it was first formed. Researchers working on treatments for such conditions are investigating whether certain memories can be deliberately weakened when they are recalled. This work is still at an early stage, and I am uneasy about some of the ethical questions it raises, but it illustrates how closely our well-being depends on the ability to let go of the past.

None of this means that all forgetting is good. Diseases that destroy memory are among the most distressing conditions a person or family can face, and there is nothing beneficial about them. The kind of forgetting I am defending is the everyday, selective sort that a healthy brain carries out continuously. The distinction matters, because anxiety about ordinary lapses leads many people to worry unnecessarily that their minds are failing. In most cases, forgetting where one put one's keys is evidence of a memory doing exactly what it was designed to do: discarding information that did not seem important at the time.

What follows for education? Students are often encouraged to see forgetting as the enemy, and to reread their notes repeatedly in the hope of holding on to everything. Yet research on learning suggests that a certain amount of forgetting between study sessions is actually helpful. When material is revisited after a gap, the effort of retrieving something half-forgotten strengthens the memory more than rereading it while it is still fresh. This is why spacing out revision over several weeks usually produces better results than cramming the night before an examination, even though cramming feels more productive at the time.

Perhaps the most important lesson, though, concerns the digital tools that now record so much of our lives. Phones and computers store every photograph, message and search, and they do not forget unless we instruct them to. Some technology companies promote this as a kind of perfect memory for everyone. I am not convinced that it is an advantage. A human memory that edits, simplifies and gradually lets go has served our species well for a very long time, and we should think carefully before replacing it with a record that keeps everything and understands nothing.`;

/** Academic Reading practice test 2: three original passages and 40 questions. */
export const readingAcademicTest2: Question = {
  ...emptyQuestionFields(),
  question_id: 'ra-test-02',
  assessment_type: 'reading_academic',
  title: 'Academic Reading practice test 2',
  prompt: `You should spend about 20 minutes on each passage. There are ${TEST_LIMITS.reading.questions} questions. Write your answers exactly as the instructions ask; spelling must be correct.`,
  time_limit: TEST_LIMITS.reading.minutes,
  passages: [
    { part: 1, title: 'From Rags to Wood', text: passage1 },
    { part: 2, title: 'Cities That Make Their Own Weather', text: passage2 },
    { part: 3, title: 'In Praise of Forgetting', text: passage3 },
  ],
  question_groups: [
    {
      group_id: 'ra-test-02-q01-05',
      part: 1,
      instructions: 'Questions 1–5. Complete the flow-chart below. Choose ONE WORD ONLY from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 1, text: 'Making paper from rags. Step 1: rags are sorted by hand according to colour and ________.' },
        { number: 2, text: 'Step 2: the sorted rags are left in damp heaps for several weeks to ________.' },
        { number: 3, text: 'Step 3: the rags are beaten into fibres, at first by hammers powered by a water ________.' },
        { number: 4, text: 'Step 4: the pulp is diluted in a ________ and a mould is dipped into it.' },
        { number: 5, text: 'Step 5: the wet sheets are laid on felt and squeezed in a ________, then dried over ropes.' },
      ],
    },
    {
      group_id: 'ra-test-02-q06-09',
      part: 1,
      instructions:
        'Questions 6–9. Do the following statements agree with the information given in Reading Passage 1? Write TRUE if the statement agrees with the information, FALSE if the statement contradicts the information, or NOT GIVEN if there is no information on this.',
      answer_format: { kind: 'true_false_not_given' },
      options: [],
      questions: [
        { number: 6, text: 'In medieval Europe, parchment cost more than paper.' },
        { number: 7, text: 'Coloured cloth could not be used to make any kind of paper.' },
        { number: 8, text: 'Workers at rag-paper mills often complained about the smell of fermenting rags.' },
        { number: 9, text: 'Paper was made from wood on a commercial scale soon after Réaumur made his suggestion.' },
      ],
    },
    {
      group_id: 'ra-test-02-q10-13',
      part: 1,
      instructions:
        'Questions 10–13. Complete the sentences below. Choose NO MORE THAN TWO WORDS AND/OR A NUMBER from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 10, text: 'Robert’s machine formed paper on a moving belt of ________ instead of one sheet at a time.' },
        { number: 11, text: 'Machines of this continuous type are still named after the ________.' },
        { number: 12, text: 'Chemical processes gave a purer pulp by dissolving a substance called ________.' },
        { number: 13, text: 'Much of the paper made between about 1850 and ________ is slightly acidic.' },
      ],
    },
    {
      group_id: 'ra-test-02-q14-18',
      part: 2,
      instructions:
        'Questions 14–18. Reading Passage 2 has six paragraphs, A–F. Which paragraph contains the following information? Write the correct letter, A–F. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F'] },
      options: [],
      questions: [
        { number: 14, text: 'a description of how the problem affects some social groups more than others' },
        { number: 15, text: 'a reference to the person who first noticed the phenomenon' },
        { number: 16, text: 'a list of ways in which cities produce heat themselves' },
        { number: 17, text: 'an example of a measure that involves uncovering something hidden' },
        { number: 18, text: 'a reason why the value of some measures may not be fully recognised' },
      ],
    },
    {
      group_id: 'ra-test-02-q19-23',
      part: 2,
      instructions:
        'Questions 19–23. Look at the following statements and the list of people below. Match each statement with the correct person, A–D. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'Maria Castellano' },
        { letter: 'B', text: 'Kwame Asante' },
        { letter: 'C', text: 'Hannah Lindqvist' },
        { letter: 'D', text: 'Rajiv Menon' },
      ],
      questions: [
        { number: 19, text: 'Spending on cooling should go first to the places that are hottest.' },
        { number: 20, text: 'Nights that stay warm are especially dangerous to health.' },
        { number: 21, text: 'The disappearance of plants is the main reason why cities are warmer.' },
        { number: 22, text: 'Different cities will need different mixtures of solutions.' },
        { number: 23, text: 'The financial gains of cooling schemes are easy to overlook.' },
      ],
    },
    {
      group_id: 'ra-test-02-q24-26',
      part: 2,
      instructions: 'Questions 24–26. Complete the summary using the list of words, A–G, below. Write the correct letter, A–G.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'midday' },
        { letter: 'B', text: 'evaporate water' },
        { letter: 'C', text: 'cooler' },
        { letter: 'D', text: 'night' },
        { letter: 'E', text: 'store heat' },
        { letter: 'F', text: 'hotter' },
        { letter: 'G', text: 'wind' },
      ],
      questions: [
        { number: 24, text: 'The difference between a city and the countryside is usually greatest at ________.' },
        { number: 25, text: 'Unlike asphalt, grass and trees use much of the sunlight they receive to ________.' },
        { number: 26, text: 'Reflective surfaces at street level can make people walking past feel ________.' },
      ],
    },
    {
      group_id: 'ra-test-02-q27-31',
      part: 3,
      instructions:
        'Questions 27–31. Do the following statements agree with the claims of the writer in Reading Passage 3? Write YES if the statement agrees with the claims of the writer, NO if the statement contradicts the claims of the writer, or NOT GIVEN if it is impossible to say what the writer thinks about this.',
      answer_format: { kind: 'yes_no_not_given' },
      options: [],
      questions: [
        { number: 27, text: 'Forgetting is an essential part of how memory works.' },
        { number: 28, text: 'The journalist’s memory made his everyday life easier.' },
        { number: 29, text: 'People forget more as they grow older.' },
        { number: 30, text: 'Worrying about small lapses of memory is usually unnecessary.' },
        { number: 31, text: 'Keeping a complete digital record of our lives is clearly beneficial.' },
      ],
    },
    {
      group_id: 'ra-test-02-q32-36',
      part: 3,
      instructions: 'Questions 32–36. Complete each sentence with the correct ending, A–G, below. Write the correct letter, A–G.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'become less vivid with the passage of time.' },
        { letter: 'B', text: 'is usually a sign that the mind is failing.' },
        { letter: 'C', text: 'can make it harder to see the general pattern.' },
        { letter: 'D', text: 'strengthens memory more than rereading it while it is fresh.' },
        { letter: 'E', text: 'tends to make an earlier list harder to recall.' },
        { letter: 'F', text: 'produces worse results than cramming.' },
        { letter: 'G', text: 'offer nothing positive to those affected.' },
      ],
      questions: [
        { number: 32, text: 'Remembering every single walk down your own street' },
        { number: 33, text: 'Learning a second list of words' },
        { number: 34, text: 'For most people, memories of painful events' },
        { number: 35, text: 'Diseases that destroy memory' },
        { number: 36, text: 'Revisiting material after a gap' },
      ],
    },
    {
      group_id: 'ra-test-02-q37-38',
      part: 3,
      instructions:
        'Questions 37–38. Choose TWO letters, A–E. Which TWO of the following does the writer mention as benefits of forgetting? The answers may be given in either order.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E'] },
      options: [
        { letter: 'A', text: 'It allows general patterns to emerge from details.' },
        { letter: 'B', text: 'It protects people from diseases of the memory.' },
        { letter: 'C', text: 'It makes newer information easier to recall.' },
        { letter: 'D', text: 'It makes it easier to learn a foreign language.' },
        { letter: 'E', text: 'It reduces the amount of sleep people need.' },
      ],
      questions: [
        { number: 37, text: 'One benefit of forgetting' },
        { number: 38, text: 'Another benefit of forgetting' },
      ],
    },
    {
      group_id: 'ra-test-02-q39',
      part: 3,
      instructions: 'Question 39. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'to show that an exceptional memory can be a disadvantage' },
        { letter: 'B', text: 'to prove that memory improves with training' },
        { letter: 'C', text: 'to describe a treatment for painful memories' },
        { letter: 'D', text: 'to explain how lists of numbers are remembered' },
      ],
      questions: [{ number: 39, text: 'Why does the writer mention the journalist studied by a Russian psychologist?' }],
    },
    {
      group_id: 'ra-test-02-q40',
      part: 3,
      instructions: 'Question 40. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'to explain how diseases of the memory develop' },
        { letter: 'B', text: 'to compare different methods of revision' },
        { letter: 'C', text: 'to argue that forgetting has real value' },
        { letter: 'D', text: 'to criticise technology companies' },
      ],
      questions: [{ number: 40, text: 'What is the writer’s main purpose in Reading Passage 3?' }],
    },
  ],
  answer_key: {
    '1': 'quality',
    '2': 'ferment',
    '3': 'wheel',
    '4': 'vat',
    '5': 'press',
    '6': 'TRUE',
    '7': 'FALSE',
    '8': 'NOT GIVEN',
    '9': 'FALSE',
    '10': 'wire mesh',
    '11': 'Fourdrinier brothers / Fourdriniers',
    '12': 'lignin',
    '13': '1980',
    '14': 'D',
    '15': 'A',
    '16': 'B',
    '17': 'E',
    '18': 'F',
    '19': 'C',
    '20': 'B',
    '21': 'A',
    '22': 'D',
    '23': 'D',
    '24': 'D',
    '25': 'B',
    '26': 'F',
    '27': 'YES',
    '28': 'NO',
    '29': 'NOT GIVEN',
    '30': 'YES',
    '31': 'NO',
    '32': 'C',
    '33': 'E',
    '34': 'A',
    '35': 'G',
    '36': 'D',
    '37': 'A / C',
    '38': 'A / C',
    '39': 'A',
    '40': 'C',
  },
  tags: ['academic', 'full-test'],
};
