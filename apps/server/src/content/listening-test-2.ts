import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';
import { chooseOneLetter } from './question-groups.js';

// Original scripts written for this project, in the shape of the first test (`listening-test.ts`):
// no recordings yet, so apps speak the transcripts by speech synthesis.

const section1 = `RECEPTIONIST: Good afternoon, Greenfield Leisure Centre, Karen speaking. How can I help?
DANIEL: Hi. I'd like to join the centre, please. I've been looking at your website, but I'm not sure which kind of membership would suit us best.
RECEPTIONIST: No problem. Is it just for you, or for other people as well?
DANIEL: Well, I was going to take out an individual membership, but my wife wants to start swimming again and we've got two children, so I think a family membership makes more sense.
RECEPTIONIST: It usually does with two children. The family membership covers two adults and up to three children under sixteen. Let me take some details. Can I have your name?
DANIEL: Yes, it's Daniel Okafor.
RECEPTIONIST: Could you spell your surname for me?
DANIEL: Sure. O-K-A-F-O-R.
RECEPTIONIST: Thank you. And your address, Mr Okafor?
DANIEL: It's 14 Wheatley Road. That's W-H-E-A-T-L-E-Y. It's just behind the railway station.
RECEPTIONIST: 14 Wheatley Road. Lovely. And when would you like the membership to start? We can start it from the first of any month.
DANIEL: Could we start next week? We're away at the end of September, though, so maybe it's better to wait.
RECEPTIONIST: Then shall I put the first of October?
DANIEL: Yes, 1 October is perfect.
RECEPTIONIST: Right. Now, the fee. The standard family membership is seventy-eight pounds a month, but because you're joining before the end of this month, there's a special offer, and you'd pay £64 a month for the first year.
DANIEL: Sixty-four. That's a good saving. Does that include the gym and the pool?
RECEPTIONIST: It includes everything: the gym, the pool and all the classes. And every new member gets a free trial class with one of our coaches. Most people choose yoga, but you can pick any activity.
DANIEL: I used to play a lot of tennis, but my knee isn't great these days. I'll try badminton, I think.
RECEPTIONIST: Badminton it is. When you come in for the first time, you'll need to bring something for your membership card. A passport-sized photo for each member of the family.
DANIEL: Even the children?
RECEPTIONIST: Yes, I'm afraid so. One photo each. You don't need to bring any proof of address, because we can check that online.
DANIEL: OK. And what about swimming lessons for the children? They're six and nine.
RECEPTIONIST: We have lessons for that age group on Tuesday afternoons and on Saturday mornings. The Tuesday group is full at the moment, though.
DANIEL: Saturday mornings would be better anyway. They have football on Tuesdays.
RECEPTIONIST: I'll put their names down for Saturday, then. Is there anything else I can help you with?
DANIEL: Yes, parking. Is it free?
RECEPTIONIST: For members, it's free for the first three hours. After that you pay at the machine.
DANIEL: Three hours is plenty. Thank you.
RECEPTIONIST: And just one last question. How did you hear about us? Was it the radio advert?
DANIEL: No, actually, a colleague told me about it. She comes here every morning before work.
RECEPTIONIST: That's good to hear. Well, that's all done, Mr Okafor. We'll see you and your family in October.`;

const section2 = `Good morning, and welcome to the Harbourside Museum. My name is Priya, and I'm one of the volunteer guides here. Before you start exploring, I'd like to tell you a little about the building and explain how the museum is organised.

Many people think this building was always a museum, or that it was built as a warehouse for the docks. In fact, it was built in 1880 as a customs house, where ships' cargoes were checked and taxes were paid. It became a museum in the nineteen-seventies, after the port moved further down the river.

The museum was closed for two years while the building was repaired, and it reopened last spring. You might expect that the main change was the new café on the top floor, and that has certainly been popular. But the most important change, from our point of view, is that every floor can now be reached by lift, which means the whole museum is accessible for the first time.

Now, a few practical points. Entry to the permanent galleries is free, but there's a charge for the special exhibition on the ground floor, which this year is about shipwrecks. You can buy tickets at the front desk or from the machines by the entrance. Photography is allowed everywhere except in the special exhibition, because some of the objects there are on loan from other collections. If you have large bags, please leave them in the lockers by the lift; they cost nothing, but you'll need a one-pound coin, which you'll get back.

We also run free guided tours. In the past these were at the weekend only, but because so many visitors asked for them, we now offer a tour at eleven o'clock every day. They last about forty-five minutes and start from the main staircase.

Let me tell you about some of the galleries. The Fishing Gallery, on the first floor, has been completely redesigned. It used to be mainly glass cases of nets and hooks, but now it's full of things you can touch and try, so it's the gallery children usually enjoy most.

Next door is the Trade Gallery. It tells the story of the goods that passed through the port, such as tea, cotton and timber. This gallery is a bit quieter than the others, and it has comfortable seats and a short film that runs every twenty minutes, so it's a good place to take a break.

On the second floor, the Shipbuilding Gallery shows how ships were built on this river for over two hundred years. The centrepiece is a model of a steamship, seven metres long, which took a local man eleven years to make. That gallery is being repainted at the moment, I'm afraid, so part of it is closed until the end of the month.

The Maps Gallery is small, but it has some of our oldest objects: sea charts drawn by hand more than three hundred years ago. The light is kept low to protect them, so the room can feel a little dark.

And finally, the Rooftop Gallery. This is brand new. It's really a viewing platform, and from there you can see the whole harbour and the mouth of the river. If you're interested in the history of the port, there are telescopes and panels which show you exactly where the old docks used to be.

Right, I hope you enjoy your visit. If you have any questions, any of the guides in blue jackets will be happy to help.`;

const section3 = `PROFESSOR LIN: Come in, both of you. So, Maya and Tom, you're giving your presentation on urban beekeeping in two weeks. How's it going?
MAYA: Quite well, I think. We've done most of the reading, and last week we visited the community beehives on the roof of the city library.
PROFESSOR LIN: Oh, good. What did you learn from the visit?
TOM: The most interesting thing was talking to the beekeeper. We'd assumed that the bees would produce less honey in the city than in the countryside, but she said that city bees often produce more, because there's such a variety of flowers in parks and gardens, and the flowering season lasts longer.
MAYA: And she told us that the biggest problem isn't pollution, which is what we'd expected. It's that there are now so many hives in the city centre that there isn't always enough food for all the bees.
PROFESSOR LIN: That's an important point, and not many people realise it. Make sure it's in the presentation. Now, what's your main argument going to be?
TOM: We were going to argue that cities should encourage more people to keep bees, but after that visit we're not so sure.
MAYA: So now we want to argue that cities should plant more flowers for wild bees, rather than adding more hives.
PROFESSOR LIN: I think that's a stronger argument, and it's better supported by the research you sent me. How are you planning to present the evidence?
TOM: We've got lots of figures, so we were thinking of putting them all in a table.
PROFESSOR LIN: A table with that many numbers will be very hard to follow on a screen. I'd choose the two or three most important figures and show them as simple charts. You can put the full table in a handout.
MAYA: That's a good idea. We were also wondering about the length. We've got twenty minutes, and at the moment we're planning to talk for all of it.
PROFESSOR LIN: Don't do that. Leave at least five minutes at the end for questions. The audience will almost certainly want to ask you about the visit.
TOM: OK. So, can we check who's doing what? We've made a list of the jobs that are left.
PROFESSOR LIN: Go on.
TOM: First, there's the introduction. Maya's going to write that, because she chose the topic in the first place.
MAYA: Then the section on the history of beekeeping. Tom has already done most of the reading for that, so it makes sense for him to finish it.
TOM: The charts we just talked about. I'm happy to make those. I've used the software before.
MAYA: Then there's the interview with the beekeeper. We recorded it together, and we both want to choose the best parts, so we'll do that together.
PROFESSOR LIN: Sensible. What about the handout?
MAYA: I'll do that. I've got all the references in my notes.
TOM: And the last thing is practising the talk. We'll definitely do that together, probably twice, and we'll time ourselves.
PROFESSOR LIN: Good. And if you'd like me to look at your slides before the day, send them to me by next Friday.
MAYA: Thank you, we will.`;

const section4 = `Good morning, everyone. Today I'm going to talk about lighthouses: how they developed, how they worked, and why so many of them no longer need a keeper.

For thousands of years, sailors relied on fires lit on hills and cliffs to warn them of danger. The most famous early lighthouse was built at Alexandria, in Egypt, more than two thousand years ago, and it was said to be visible from fifty kilometres away. But for most of history, lights on the coast were simple fires of wood or coal, and they were often hidden by smoke or put out by rain.

The first real difficulty for lighthouse builders was not the light but the location. Many of the most dangerous places for ships were rocks far out at sea, where the waves were powerful enough to destroy any ordinary building. The breakthrough came in the eighteenth century, when the engineer John Smeaton built a lighthouse on the Eddystone rocks, off the south-west coast of England. He made the tower out of granite blocks, and he cut each block so that it locked into the blocks around it, like the pieces of a puzzle. His design was copied all over the world.

The second difficulty was the light itself. Candles and oil lamps gave a weak light, and the first attempt to strengthen it was to place curved metal mirrors behind the lamp. This helped, but the mirrors had to be polished constantly, and much of the light was still lost. The real change came in the 1820s, when the French scientist Augustin Fresnel invented a new kind of lens. Instead of one thick piece of glass, which would have been far too heavy, his lens was made of many thin rings of glass, arranged to bend the light into a single powerful beam. A lamp with a Fresnel lens could be seen from more than thirty kilometres away.

Sailors also needed to know which lighthouse they were looking at. So each lighthouse was given its own pattern of flashes, which was printed on charts. In the daytime, lighthouses were identified by their colours; many were painted with stripes, so that they could be recognised against the sky.

For the keepers, life was hard and often lonely. They worked in shifts through the night, and one of their most important jobs was to keep the lamp and the lens perfectly clean, because any soot on the glass would weaken the beam. On rock lighthouses, keepers could spend weeks without seeing anyone else, and in bad weather the boats that brought their food might not arrive at all.

During the twentieth century, electricity replaced oil, and later the lights were controlled automatically. The last keepers in Britain left their lighthouses in 1998. Today, most lighthouses are monitored from a central control room, and ships rely mainly on satellite navigation. But lighthouses are still kept working, because electronic systems can fail, and a light on the coast is a simple and reliable backup. Many old keepers' cottages, meanwhile, have been turned into holiday homes for tourists.

In our next session, we'll look at how lighthouses influenced the design of coastal towns.`;

/** The second Listening test: four original sections with transcripts and 40 questions. */
export const listeningTest2: Question = {
  ...emptyQuestionFields(),
  question_id: 'li-test-02',
  assessment_type: 'listening',
  title: 'Listening practice test 2',
  prompt: `There are four sections and ${TEST_LIMITS.listening.questions} questions. Read the questions for each section before you listen; you will hear each recording once. Spelling must be correct.`,
  time_limit: TEST_LIMITS.listening.minutes,
  sections: [
    { part: 1, title: 'Joining a leisure centre', transcript: section1, audio_url: null, audio_duration_seconds: null },
    { part: 2, title: 'An introduction to the Harbourside Museum', transcript: section2, audio_url: null, audio_duration_seconds: null },
    { part: 3, title: 'Planning a presentation on urban beekeeping', transcript: section3, audio_url: null, audio_duration_seconds: null },
    { part: 4, title: 'A lecture on the history of lighthouses', transcript: section4, audio_url: null, audio_duration_seconds: null },
  ],
  question_groups: [
    {
      group_id: 'li-test-02-q01-10',
      part: 1,
      instructions:
        'Questions 1–10. Complete the form below. Write ONE WORD AND/OR A NUMBER for each answer. Greenfield Leisure Centre – New Member Details',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: true },
      options: [],
      questions: [
        { number: 1, text: 'Type of membership: ________' },
        { number: 2, text: 'Name: Daniel ________' },
        { number: 3, text: 'Address: 14 ________ Road' },
        { number: 4, text: 'Membership starts on: ________' },
        { number: 5, text: 'Monthly fee for the first year: £________' },
        { number: 6, text: 'Free trial class: ________' },
        { number: 7, text: 'Bring: one passport-sized ________ for each member' },
        { number: 8, text: 'Children’s swimming lessons: ________ mornings' },
        { number: 9, text: 'Free parking for members: first ________ hours' },
        { number: 10, text: 'Heard about the centre from: a ________' },
      ],
    },
    chooseOneLetter({
      testId: 'li-test-02',
      part: 2,
      number: 11,
      stem: 'The building was originally built as',
      options: ['a warehouse', 'a customs house', 'a museum'],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 2,
      number: 12,
      stem: 'According to the speaker, the most important change during the repairs was',
      options: ['a new café', 'lift access to every floor', 'a larger entrance hall'],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 2,
      number: 13,
      stem: 'What does the speaker say about the lockers?',
      options: ['They cost nothing to use.', 'They are next to the café.', 'Visitors need a token from the front desk.'],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 2,
      number: 14,
      stem: 'Free guided tours now take place',
      options: ['only at weekends', 'twice a day', 'once every day'],
    }),
    {
      group_id: 'li-test-02-q15-20',
      part: 2,
      instructions:
        'Questions 15–20. What does the speaker say about each part of the museum? Choose SIX answers from the box and write the correct letter, A–G, next to questions 15–20.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'is partly closed at present' },
        { letter: 'B', text: 'is popular with children' },
        { letter: 'C', text: 'is a good place to rest' },
        { letter: 'D', text: 'has low lighting' },
        { letter: 'E', text: 'shows where the old docks were' },
        { letter: 'F', text: 'has a charge for entry' },
        { letter: 'G', text: 'was moved from another floor' },
      ],
      questions: [
        { number: 15, text: 'the Fishing Gallery' },
        { number: 16, text: 'the Trade Gallery' },
        { number: 17, text: 'the Shipbuilding Gallery' },
        { number: 18, text: 'the Maps Gallery' },
        { number: 19, text: 'the Rooftop Gallery' },
        { number: 20, text: 'the special exhibition' },
      ],
    },
    chooseOneLetter({
      testId: 'li-test-02',
      part: 3,
      number: 21,
      stem: 'What did the beekeeper tell the students about honey?',
      options: [
        'City bees produce less honey than country bees.',
        'City bees often produce more honey than country bees.',
        'City bees produce honey for a shorter season.',
      ],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 3,
      number: 22,
      stem: 'According to the beekeeper, the biggest problem for bees in the city centre is',
      options: ['pollution', 'a lack of food for the bees', 'disease'],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 3,
      number: 23,
      stem: 'What will the students now argue in their presentation?',
      options: [
        'More people should keep bees.',
        'Beehives should be banned from city centres.',
        'Cities should plant more flowers for wild bees.',
      ],
    }),
    chooseOneLetter({
      testId: 'li-test-02',
      part: 3,
      number: 24,
      stem: 'The professor advises the students to',
      options: ['show only a few key figures as charts', 'put all their figures in one table', 'speak for the full twenty minutes'],
    }),
    {
      group_id: 'li-test-02-q25-30',
      part: 3,
      instructions:
        'Questions 25–30. Who will do each of the following tasks? Write the correct letter, A, B or C, next to questions 25–30.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C'] },
      options: [
        { letter: 'A', text: 'Maya' },
        { letter: 'B', text: 'Tom' },
        { letter: 'C', text: 'both Maya and Tom' },
      ],
      questions: [
        { number: 25, text: 'writing the introduction' },
        { number: 26, text: 'the history of beekeeping' },
        { number: 27, text: 'making the charts' },
        { number: 28, text: 'choosing parts of the interview' },
        { number: 29, text: 'preparing the handout' },
        { number: 30, text: 'practising the talk' },
      ],
    },
    {
      group_id: 'li-test-02-q31-40',
      part: 4,
      instructions: 'Questions 31–40. Complete the notes below. Write ONE WORD ONLY for each answer. The History of Lighthouses',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 31, text: 'Early lights: fires of wood or coal were often hidden by smoke or put out by ________.' },
        { number: 32, text: 'Building: the main difficulty at first was the ________ of many lighthouses.' },
        { number: 33, text: 'Building: Smeaton’s tower on the Eddystone rocks was made of ________ blocks.' },
        { number: 34, text: 'Building: each block locked into the others like the pieces of a ________.' },
        { number: 35, text: 'The light: curved metal ________ behind the lamp had to be polished constantly.' },
        { number: 36, text: 'The light: Fresnel’s lens used many thin rings of ________.' },
        { number: 37, text: 'Identification: by day, many lighthouses were painted with ________.' },
        { number: 38, text: 'Keepers: any ________ on the glass would weaken the beam.' },
        { number: 39, text: 'Today: lighthouses are monitored from a central control ________.' },
        { number: 40, text: 'Today: keepers’ cottages have often become holiday homes for ________.' },
      ],
    },
  ],
  answer_key: {
    '1': 'family',
    '2': 'Okafor',
    '3': 'Wheatley',
    '4': '1 October / 1st October / October 1 / October 1st',
    '5': '64',
    '6': 'badminton',
    '7': 'photo / photograph',
    '8': 'Saturday',
    '9': '3 / three',
    '10': 'colleague',
    '11': 'B',
    '12': 'B',
    '13': 'A',
    '14': 'C',
    '15': 'B',
    '16': 'C',
    '17': 'A',
    '18': 'D',
    '19': 'E',
    '20': 'F',
    '21': 'B',
    '22': 'B',
    '23': 'C',
    '24': 'A',
    '25': 'A',
    '26': 'B',
    '27': 'B',
    '28': 'C',
    '29': 'A',
    '30': 'C',
    '31': 'rain',
    '32': 'location',
    '33': 'granite',
    '34': 'puzzle',
    '35': 'mirrors',
    '36': 'glass',
    '37': 'stripes',
    '38': 'soot',
    '39': 'room',
    '40': 'tourists',
  },
  tags: ['full-test'],
};
