import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original passages written for this project. Paragraphs are separated by a blank line;
// lettered paragraphs start with the letter on a line of its own, as matching tasks refer to them.

const passage1 = `Along many tropical and subtropical coastlines, a strip of dense, low forest grows where no ordinary tree could survive. Twice a day the tide floods in and covers the ground with salt water; twice a day it drains away, leaving behind soft grey mud. These are mangrove forests, and the several dozen species of tree and shrub that form them have evolved a remarkable set of tools for living in one of the harshest environments on the planet.

The first challenge is salt. Sea water contains enough salt to kill the roots of most land plants within days, yet mangroves draw their water directly from it. Different species have solved the problem in different ways. Some have roots that act as extremely fine filters, keeping out more than 90 per cent of the salt before the water ever enters the plant. Others allow salt in but then push it out again through special glands on the surface of their leaves; on a dry afternoon, small white crystals can be seen on the leaves of these trees. A third group stores salt in its older leaves, which turn yellow and eventually fall, taking the salt with them.

The second challenge lies beneath the surface. Mangrove mud is waterlogged and contains almost no oxygen, so roots buried in it cannot breathe in the normal way. Many mangroves therefore send up vertical roots, known as pneumatophores, which rise out of the mud like rows of pencils and are covered in tiny pores that take in air when the tide is out. Other species are supported by arching prop roots that leave the trunk well above the ground. These hold the tree steady in the shifting sediment and also allow it to absorb oxygen.

Reproduction presents a third difficulty, because a seed that simply drops into moving water is likely to be carried away or to rot. Several mangrove species deal with this by allowing their seeds to germinate while they are still attached to the parent tree. The young plant, called a propagule, may grow for months before it falls. Some propagules lodge in the mud directly below the parent; others float, sometimes for weeks, until they are washed up on a suitable shore far from where they began.

These adaptations allow mangroves to occupy a narrow band between land and sea, and the value of that band to people has become increasingly clear. The dense tangle of roots slows down incoming waves, and studies of coastal villages have found that those sheltered by wide belts of mangrove generally suffer less damage during storms than those with none. The same roots trap sediment carried down by rivers, which helps the shoreline to build up rather than wash away. Beneath the water, the roots provide shelter for young fish, crabs and shrimps. Many species that are later caught far out at sea spend the early part of their lives in sheltered mangrove channels.

Mangroves have also attracted attention for their role in storing carbon. Because the waterlogged mud contains so little oxygen, dead leaves and roots decay extremely slowly, and the carbon they contain can remain locked in the soil for centuries. Per hectare, mangrove forests may hold several times as much carbon as forests on dry land, most of it not in the trees themselves but in the ground beneath them. Scientists refer to carbon stored in coastal ecosystems of this kind as blue carbon. When a mangrove forest is cleared, however, the mud is exposed to the air and much of this stored carbon is released.

Despite their value, mangroves have been disappearing at a worrying rate. Large areas were cleared in the second half of the twentieth century, mainly to make way for shrimp farms, but also for rice fields, harbours and tourist resorts. A significant proportion of the world's mangrove area has been lost since 1980. In recent years the rate of loss has slowed in many regions, partly because governments have recognised the protection that mangroves offer against rising sea levels.

Efforts to restore lost forests have had mixed results. The most common approach has been mass planting, in which volunteers push thousands of young mangroves into the mud, often in a single day. Such events attract publicity, but follow-up surveys have frequently found that most of the young trees died within a year or two. One common mistake is planting on open mudflats that lie too low and are covered by the tide for too long each day; another is planting a single species that is poorly suited to the site.

A more successful method, according to many ecologists, begins by asking why the mangroves disappeared in the first place. If an abandoned shrimp pond is cut off from the tide by earth walls, for example, breaking through those walls and restoring the natural flow of water may be enough. Propagules carried in by the tide then settle by themselves, and the species that survive are those best suited to each part of the site. This approach is slower to produce visible results, and it depends on the cooperation of local people, who may rely on the land for their income. Where it has been tried, however, the forests that return tend to be more varied and more resilient than those created by planting alone.`;

const passage2 = `A
In the early 1950s, loading a cargo ship was much as it had been for centuries. Goods arrived at the dock in sacks, barrels, crates and bales of every shape and size, and gangs of dockworkers carried, lifted and stacked each item by hand or with simple slings. The method, known as break-bulk shipping, was slow, dangerous and expensive. A typical vessel might spend as much time tied up in port as it did crossing the ocean, and the cost of handling goods at either end of a voyage could exceed the cost of the voyage itself. Theft was common, and a certain amount of damage was accepted as an unavoidable part of trade.

B
The idea of packing cargo into standard boxes that could be moved from one vehicle to another was not new; railways in several countries had experimented with it long before. What changed in the 1950s was the determination of an American trucking businessman, Malcolm McLean, to apply the idea on a large scale. Frustrated by the hours his lorries spent waiting at crowded ports, McLean reasoned that it would be far quicker to lift the whole body of a trailer off its wheels and place it on a ship. In April 1956 a converted oil tanker, the Ideal X, sailed from Newark, New Jersey, to Houston, Texas, carrying 58 such boxes on its deck. McLean calculated that loading it had cost a small fraction of what conventional methods would have required.

C
Early success did not guarantee rapid adoption. Shipping lines, ports, railways and road hauliers each used containers of different sizes and with different fittings, which meant that a box belonging to one company often could not be carried by another. For containers to work internationally, the industry needed to agree on common dimensions and on a standard way of locking boxes together and lifting them. After years of difficult negotiations, international standards were adopted in the late 1960s, based mainly on boxes twenty and forty feet long. The twenty-foot box became the unit in which the capacity of ships and ports is still measured today: the twenty-foot equivalent unit, or TEU.

D
Standard boxes demanded new kinds of ports. A container terminal needs enormous cranes, large areas of flat land on which to stack boxes, and good connections to roads and railways. Old harbours in the centres of cities, with narrow piers and crowded streets behind them, were rarely suitable. As a result, the shipping business in many places moved to new sites, often some distance away, and waterfront districts that had employed thousands of people for generations fell silent within a decade or two. Some of these areas remained derelict for years before being redeveloped as housing, offices and leisure space.

E
For the dockworkers themselves, the change was painful. A crane operated by a handful of people could do the work that had once required large gangs, and the number of jobs in many ports fell dramatically. Trade unions fought hard over the introduction of the new methods, and in some ports strikes delayed the arrival of containers for years. Agreements were eventually reached which, in some cases, gave older workers generous payments in return for accepting the new system, but the close-knit communities that had grown up around the docks did not survive.

F
The economic effects were felt far beyond the waterfront. Because goods were sealed inside a box at the factory and not handled again until they reached their destination, losses from theft and breakage fell sharply, and so did insurance costs. Journeys became faster and more predictable, which allowed manufacturers to hold smaller stocks and to rely on parts arriving exactly when they were needed. Above all, transport became so cheap that it was no longer a major consideration in deciding where to make things. Companies could design a product in one country, make its components in several others and assemble it in yet another, confident that the cost of moving everything around would remain small.

G
Today, the largest container ships can carry more than 20,000 TEU, and the system has become so efficient that it is largely invisible to consumers. Yet its very efficiency has created new weaknesses. When a single large ship blocks a busy canal, or when ports close suddenly, delays spread rapidly through supply chains that have been designed with very little spare capacity. Some economists now argue that businesses have focused too narrowly on cost and should accept slightly higher prices in exchange for greater reliability. Whether they will do so remains to be seen, but few doubt that the humble steel box will remain at the centre of world trade for decades to come.`;

const passage3 = `A
Few experiences are as universally disliked as boredom. We complain about it in queues, in meetings and on long journeys, and we have built an enormous industry of screens, games and streaming services that promises we will never have to feel it again. Yet psychologists who study boredom have begun to suggest that this uncomfortable state may serve a purpose, and that our determination to eliminate it may carry costs we have not fully considered. In my view, their arguments deserve far more attention than they have so far received.

B
Part of the difficulty is that boredom has proved surprisingly hard to define. Early researchers tended to treat it simply as a lack of stimulation, the mental equivalent of an empty room. More recent work paints a different picture. Boredom, on this account, is the feeling that arises when we want to be engaged in something satisfying but cannot find a way to be. It is not the absence of desire but a kind of frustrated desire: we are motivated to act, yet nothing available seems worth doing. This explains why people can feel bored while surrounded by stimulation, scrolling endlessly through content that fails to hold their interest.

C
If boredom is a signal, what is it signalling? One influential proposal is that it works much like pain. Just as pain warns us of physical damage, boredom tells us that our current activity is no longer worth the effort we are putting into it, and pushes us to look for something better. Seen in this light, boredom is not a fault in our mental machinery but a useful alarm. A creature that never felt it might continue an unrewarding activity indefinitely, missing better opportunities elsewhere. I find this comparison persuasive, although it is worth remembering that, like pain, boredom only helps if we respond to it sensibly.

D
And there lies the problem. Laboratory studies have shown that people will go to considerable lengths to escape boredom, and not all of those lengths are wise. In one widely discussed series of experiments, volunteers were left alone in a bare room for fifteen minutes with nothing to do except, if they wished, press a button that gave them a mild electric shock. A surprising number chose to shock themselves, some of them more than once, rather than simply sit with their thoughts. Other studies have linked a strong tendency to become bored with overeating, dangerous driving and gambling. Boredom may be an alarm, but the actions it prompts are not always improvements.

E
Some researchers have argued that boredom also has a creative side. In a frequently cited type of study, participants first complete a dull task, such as copying out long lists of telephone numbers, and then attempt a test of creative thinking, for example listing as many uses as they can for a pair of plastic cups. Those who have been bored beforehand often produce more ideas than those who have not. The usual explanation is that a bored mind begins to wander, and that wandering thoughts make unusual connections. However, the studies have generally been small, and attempts to repeat them have not always produced the same results. It would therefore be premature to recommend boredom as a technique for improving creativity.

F
What is clearer is that modern technology has changed our relationship with boredom. A generation ago, waiting for a bus or sitting in a doctor's waiting room meant a few minutes alone with one's own thoughts. Now most people reach for a phone the moment they have nothing else to do. The trouble is that the phone rarely resolves boredom; it merely postpones it. Because the content it offers is easy to consume but seldom deeply satisfying, it can leave us feeling as restless as before, and some surveys suggest that heavy users of digital media report being bored more often than others. I suspect that by never allowing boredom to develop, we also lose the chance to learn what it is trying to tell us.

G
None of this means that boredom should be welcomed without question. Chronic boredom, experienced day after day in a job or a situation that offers no way out, is associated with poor mental health, and telling people in such circumstances that their boredom is useful would be both unhelpful and unkind. The lesson is a narrower one. Occasional boredom is a normal part of life, and rather than rushing to silence it, we might do better to pause and ask what it is pointing towards. Schools, in particular, might consider whether children who are never allowed to be bored are being denied an opportunity to discover, for themselves, what they find worth doing.`;

/** One full Academic Reading test: three original passages and 40 questions. */
export const readingAcademicTest: Question = {
  ...emptyQuestionFields(),
  question_id: 'ra-test-01',
  assessment_type: 'reading_academic',
  title: 'Academic Reading practice test 1',
  prompt: `You should spend about 20 minutes on each passage. There are ${TEST_LIMITS.reading.questions} questions. Write your answers exactly as the instructions ask; spelling must be correct.`,
  time_limit: TEST_LIMITS.reading.minutes,
  passages: [
    { part: 1, title: 'Forests on the Tideline', text: passage1 },
    { part: 2, title: 'The Box That Shrank the World', text: passage2 },
    { part: 3, title: 'The Uses of Boredom', text: passage3 },
  ],
  question_groups: [
    {
      group_id: 'ra-test-01-q01-06',
      part: 1,
      instructions:
        'Questions 1–6. Do the following statements agree with the information given in Reading Passage 1? Write TRUE if the statement agrees with the information, FALSE if the statement contradicts the information, or NOT GIVEN if there is no information on this.',
      answer_format: { kind: 'true_false_not_given' },
      options: [],
      questions: [
        { number: 1, text: 'Mangrove trees grow in places that are covered by sea water twice a day.' },
        { number: 2, text: 'All species of mangrove get rid of salt through their leaves.' },
        { number: 3, text: 'The salt crystals that form on some mangrove leaves are eaten by insects.' },
        { number: 4, text: 'Prop roots help mangroves both to stay upright and to take in oxygen.' },
        { number: 5, text: 'Mangrove propagules cannot survive in sea water for more than a few days.' },
        { number: 6, text: 'Fishermen who work near mangroves earn more than those who work elsewhere.' },
      ],
    },
    {
      group_id: 'ra-test-01-q07-10',
      part: 1,
      instructions: 'Questions 7–10. Label the diagram below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
      options: [],
      questions: [
        { number: 7, text: 'roots that work as very fine ________ to keep out salt' },
        { number: 8, text: 'salt pushed out through ________ on the leaves' },
        { number: 9, text: 'vertical roots (________) that take in air when the tide is out' },
        { number: 10, text: 'a ________ that grows on the parent tree before it falls' },
      ],
      diagram: {
        title: 'A mangrove tree at low tide',
        drawing: {
          width: 20,
          height: 14,
          views: [
            {
              label: 'At low tide',
              features: [
                { shape: 'rect', kind: 'parking', label: 'mud', x: 0, y: 10, width: 20, height: 4 },
                { shape: 'rect', kind: 'water', label: 'sea at low tide', x: 14, y: 9.4, width: 6, height: 0.6 },
                { shape: 'rect', kind: 'building', label: 'trunk', x: 9.3, y: 4, width: 1.4, height: 4.5 },
                ...[
                  [9.5, 7.5, 8, 8.2, 7, 10],
                  [9.5, 8, 8.6, 9, 8.3, 10],
                  [10.5, 7.5, 12, 8.2, 13, 10],
                  [10.5, 8, 11.4, 9, 11.7, 10],
                ].map(([x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0]) => ({
                  shape: 'line' as const,
                  kind: 'building' as const,
                  label: 'arching root',
                  points: [
                    { x: x1, y: y1 },
                    { x: x2, y: y2 },
                    { x: x3, y: y3 },
                  ],
                })),
                {
                  shape: 'line',
                  kind: 'building',
                  label: 'root under the mud',
                  points: [
                    { x: 7, y: 10 },
                    { x: 5.5, y: 11.5 },
                    { x: 2.5, y: 12.2 },
                  ],
                },
                ...[2.5, 3.5, 4.5, 15.5, 16.5, 17.5].map((x, index) => ({
                  shape: 'line' as const,
                  kind: 'building' as const,
                  label: 'upright root',
                  points: [
                    { x, y: 10 },
                    { x, y: index % 2 === 0 ? 8.6 : 8.9 },
                  ],
                })),
                { shape: 'circle', kind: 'trees', label: 'leaves', x: 7, y: 4, radius: 2 },
                { shape: 'circle', kind: 'trees', label: 'leaves', x: 13, y: 4, radius: 2 },
                { shape: 'circle', kind: 'trees', label: 'leaves', x: 10, y: 3.2, radius: 2.8 },
                {
                  shape: 'line',
                  kind: 'trees',
                  label: 'hanging seedling',
                  points: [
                    { x: 12.6, y: 5.6 },
                    { x: 12.6, y: 7.8 },
                  ],
                },
              ],
            },
          ],
        },
        labels: [
          { number: 7, x: 3.5, y: 12.6 },
          { number: 8, x: 14.2, y: 2.6 },
          { number: 9, x: 3.5, y: 7.8 },
          { number: 10, x: 13.6, y: 7.4 },
        ],
      },
    },
    {
      group_id: 'ra-test-01-q11-13',
      part: 1,
      instructions:
        'Questions 11–13. Answer the questions below. Choose NO MORE THAN TWO WORDS AND/OR A NUMBER from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 11, text: 'What proportion of the salt can the roots of some mangroves keep out?' },
        { number: 12, text: 'What name is given to the carbon stored in coastal ecosystems such as mangroves?' },
        { number: 13, text: 'What does the more successful restoration method depend on from local people?' },
      ],
    },
    {
      group_id: 'ra-test-01-q14-20',
      part: 2,
      instructions:
        'Questions 14–20. Reading Passage 2 has seven paragraphs, A–G. Choose the correct heading for each paragraph from the list of headings below. Write the correct number, i–x.',
      answer_format: { kind: 'letter', options: ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'] },
      options: [
        { letter: 'i', text: 'Cheaper transport reshapes manufacturing' },
        { letter: 'ii', text: 'The need for shared measurements' },
        { letter: 'iii', text: 'Government support for new ports' },
        { letter: 'iv', text: 'A slow and costly way of moving goods' },
        { letter: 'v', text: 'The risks of a highly efficient system' },
        { letter: 'vi', text: 'How one person put an old idea into practice' },
        { letter: 'vii', text: 'Resistance and loss among port workers' },
        { letter: 'viii', text: 'The invention of the metal box' },
        { letter: 'ix', text: 'The decline of city waterfronts' },
        { letter: 'x', text: 'Safer working conditions on the docks' },
      ],
      questions: [
        { number: 14, text: 'Paragraph A' },
        { number: 15, text: 'Paragraph B' },
        { number: 16, text: 'Paragraph C' },
        { number: 17, text: 'Paragraph D' },
        { number: 18, text: 'Paragraph E' },
        { number: 19, text: 'Paragraph F' },
        { number: 20, text: 'Paragraph G' },
      ],
    },
    {
      group_id: 'ra-test-01-q21',
      part: 2,
      instructions: 'Question 21. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'his experience of sending goods by rail' },
        { letter: 'B', text: 'the time his lorries wasted at ports' },
        { letter: 'C', text: 'a request from an oil company' },
        { letter: 'D', text: 'the high level of theft from ships' },
      ],
      questions: [{ number: 21, text: 'What led McLean to try carrying containers by sea?' }],
    },
    {
      group_id: 'ra-test-01-q22',
      part: 2,
      instructions: 'Question 22. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'They were agreed soon after the voyage of the Ideal X.' },
        { letter: 'B', text: 'They were copied from the containers used by railways.' },
        { letter: 'C', text: 'They still affect the way capacity is measured.' },
        { letter: 'D', text: 'They were rejected by some of the largest shipping lines.' },
      ],
      questions: [{ number: 22, text: 'What does the writer say about the international standards agreed in the late 1960s?' }],
    },
    {
      group_id: 'ra-test-01-q23',
      part: 2,
      instructions: 'Question 23. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'Where goods are made came to depend less on the cost of moving them.' },
        { letter: 'B', text: 'Manufacturers began to build their factories next to ports.' },
        { letter: 'C', text: 'Insurance companies refused to cover goods in containers.' },
        { letter: 'D', text: 'Journeys became faster but less predictable.' },
      ],
      questions: [{ number: 23, text: 'What is the main point the writer makes in paragraph F?' }],
    },
    {
      group_id: 'ra-test-01-q24-26',
      part: 2,
      instructions: 'Questions 24–26. Complete the summary below. Choose NO MORE THAN TWO WORDS from the passage for each answer.',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: false },
      options: [],
      questions: [
        { number: 24, text: 'Before containers, cargo was loaded item by item, a method called ________ shipping.' },
        { number: 25, text: 'The cost of ________ goods at each end of a voyage could be more than the cost of the voyage.' },
        { number: 26, text: 'Once goods travelled sealed in boxes, losses from theft fell, and so did ________.' },
      ],
    },
    {
      group_id: 'ra-test-01-q27-31',
      part: 3,
      instructions:
        'Questions 27–31. Reading Passage 3 has seven paragraphs, A–G. Which paragraph contains the following information? Write the correct letter, A–G. You may use any letter more than once.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [],
      questions: [
        { number: 27, text: 'a description of an experiment involving an unpleasant physical sensation' },
        { number: 28, text: 'a comparison between boredom and another warning signal' },
        { number: 29, text: 'a reference to how researchers’ understanding of boredom has changed' },
        { number: 30, text: 'a suggestion about how education might take boredom into account' },
        { number: 31, text: 'an example of an everyday situation that once meant time alone with one’s thoughts' },
      ],
    },
    {
      group_id: 'ra-test-01-q32-36',
      part: 3,
      instructions:
        'Questions 32–36. Do the following statements agree with the claims of the writer in Reading Passage 3? Write YES if the statement agrees with the claims of the writer, NO if the statement contradicts the claims of the writer, or NOT GIVEN if it is impossible to say what the writer thinks about this.',
      answer_format: { kind: 'yes_no_not_given' },
      options: [],
      questions: [
        { number: 32, text: 'Psychologists’ ideas about the purpose of boredom have received too little attention.' },
        { number: 33, text: 'The comparison between boredom and pain is a convincing one.' },
        { number: 34, text: 'There is now strong evidence that being bored makes people more creative.' },
        { number: 35, text: 'Children today become bored more easily than children did in the past.' },
        { number: 36, text: 'People who suffer from long-term boredom should be told that it is good for them.' },
      ],
    },
    {
      group_id: 'ra-test-01-q37',
      part: 3,
      instructions: 'Question 37. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'a complete absence of stimulation' },
        { letter: 'B', text: 'a lack of desire to do anything at all' },
        { letter: 'C', text: 'a wish to be engaged that cannot be satisfied' },
        { letter: 'D', text: 'a reaction to receiving too much stimulation' },
      ],
      questions: [{ number: 37, text: 'According to paragraph B, more recent research describes boredom as' }],
    },
    {
      group_id: 'ra-test-01-q38',
      part: 3,
      instructions: 'Question 38. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'Most people enjoy a small amount of pain.' },
        { letter: 'B', text: 'People’s responses to boredom can be harmful.' },
        { letter: 'C', text: 'Boredom increases over a period of several weeks.' },
        { letter: 'D', text: 'Boredom is the main cause of gambling.' },
      ],
      questions: [{ number: 38, text: 'What point does the writer use the experiments in paragraph D to support?' }],
    },
    {
      group_id: 'ra-test-01-q39',
      part: 3,
      instructions: 'Question 39. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'Their findings are too uncertain to act on yet.' },
        { letter: 'B', text: 'The tasks they used were unsuitable.' },
        { letter: 'C', text: 'They have been repeated many times with the same results.' },
        { letter: 'D', text: 'They show that a wandering mind is a sign of illness.' },
      ],
      questions: [{ number: 39, text: 'What is the writer’s view of the studies of boredom and creativity?' }],
    },
    {
      group_id: 'ra-test-01-q40',
      part: 3,
      instructions: 'Question 40. Choose the correct letter, A, B, C or D.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D'] },
      options: [
        { letter: 'A', text: 'It is the most effective way of dealing with boredom.' },
        { letter: 'B', text: 'It is less common than it was a generation ago.' },
        { letter: 'C', text: 'It makes the content people read more satisfying.' },
        { letter: 'D', text: 'It delays boredom rather than ending it.' },
      ],
      questions: [{ number: 40, text: 'What does the writer say about reaching for a phone when there is nothing else to do?' }],
    },
  ],
  answer_key: {
    '1': 'TRUE',
    '2': 'FALSE',
    '3': 'NOT GIVEN',
    '4': 'TRUE',
    '5': 'FALSE',
    '6': 'NOT GIVEN',
    '7': 'filters',
    '8': 'glands',
    '9': 'pneumatophores',
    '10': 'propagule / young plant',
    '11': '90 per cent / 90%',
    '12': 'blue carbon',
    '13': '(their) cooperation / co-operation',
    '14': 'iv',
    '15': 'vi',
    '16': 'ii',
    '17': 'ix',
    '18': 'vii',
    '19': 'i',
    '20': 'v',
    '21': 'B',
    '22': 'C',
    '23': 'A',
    '24': 'break-bulk',
    '25': 'handling',
    '26': 'insurance costs',
    '27': 'D',
    '28': 'C',
    '29': 'B',
    '30': 'G',
    '31': 'F',
    '32': 'YES',
    '33': 'YES',
    '34': 'NO',
    '35': 'NOT GIVEN',
    '36': 'NO',
    '37': 'C',
    '38': 'B',
    '39': 'A',
    '40': 'D',
  },
  tags: ['academic', 'full-test'],
};
