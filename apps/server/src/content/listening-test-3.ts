import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';
import { chooseOneLetter } from './question-groups.js';

// Original scripts written for this project, in the shape of the first test (`listening-test.ts`):
// no recordings yet, so apps speak the transcripts by speech synthesis.

const section1 = `OFFICER: Good morning, Northern Rail lost property. How can I help you?
SOPHIE: Hello. I left my bag on a train yesterday, and I'm hoping someone has handed it in.
OFFICER: I'm sorry to hear that. Let me take some details and I'll check our records. Can I start with your name?
SOPHIE: It's Sophie Marchant.
OFFICER: How do you spell your surname?
SOPHIE: M-A-R-C-H-A-N-T.
OFFICER: Thank you. And which day did you travel? Yesterday was the 10th, wasn't it?
SOPHIE: No, sorry, I'm getting confused. It was the day before yesterday, Tuesday. So that's 9 March.
OFFICER: 9 March. And where did you get on the train?
SOPHIE: At Brockley Vale. That's B-R-O-C-K-L-E-Y, and then Vale, V-A-L-E. I was going into the city for work.
OFFICER: Brockley Vale. Do you remember what time the train left?
SOPHIE: It was the early one. It's supposed to leave at 7.30, but it was late, so it didn't leave until 7.45.
OFFICER: I'll put 7.45, then, because that helps us find the right train. Now, can you describe the bag?
SOPHIE: It's a rucksack. A dark green one. Quite large.
OFFICER: Dark green. And what is it made of? Leather? Nylon?
SOPHIE: People often think it's leather, because of the straps, but it's actually canvas.
OFFICER: Canvas. What was inside it?
SOPHIE: Well, luckily not my laptop, because I'd left that at the office. But my laptop charger was in it, and a sketchbook. The sketchbook is the thing I really want back, to be honest. It's got all my drawings from the last year.
OFFICER: A laptop charger and a sketchbook. Is there anything that would help us identify it? A name tag, for example?
SOPHIE: There's no name on it, I'm afraid. But there's a badge on the front pocket. It's a yellow badge from a music festival.
OFFICER: That's very helpful. A lot of bags look the same. Now, a contact number?
SOPHIE: My mobile is 07735 201468.
OFFICER: 07735 201468. And if we find it, how would you prefer us to contact you? We can phone or send a text message.
SOPHIE: Could you send me an email instead? I can't always answer the phone at work.
OFFICER: Of course. I'll note that down, and you can give me the address in a moment. Items are kept here for three months, and when you collect it you'll need to bring some identification.
SOPHIE: Is there a charge?
OFFICER: There's a small handling fee of three pounds, but if the bag isn't found, there's nothing to pay.
SOPHIE: That's fine. Thank you so much.`;

const section2 = `Good morning. I'm Graham Tate, and I manage the city's new bike-share scheme, CityCycle. Thank you for inviting me onto the programme. CityCycle started in April with two hundred bikes at thirty stations around the city centre, and I'm pleased to say it's been a great success. When we planned the scheme, we thought most users would be tourists, but in fact the biggest group is people cycling to work, and the busiest times are between seven and nine in the morning.

Because of that, we're adding twenty new stations this autumn. We considered putting them in the parks, and we also looked at the shopping centre, but we've decided that the new stations will go next to the main bus and train stations, so that people can combine cycling with public transport.

So how does it work? First, you need to register. You can do that at any station, but most people find it quicker to use the app. Once you've registered, you can unlock a bike with your phone. The first thirty minutes of every journey are free, and after that it costs one pound for each extra half hour. You can also buy an annual pass, which costs forty pounds and gives you up to an hour free on every journey.

We're often asked about safety. Every bike has lights that come on automatically, and the bikes are checked every week by our mechanics. We don't provide helmets, because it's very difficult to keep them clean, but we do strongly recommend that you wear your own.

Now, there are a few rules that I'd like to remind listeners about. Bikes must be returned to a station; you can't leave them outside your house or your office. If you do, there's a fine of twenty pounds. Bikes can't be taken on trains, and only one person may ride a bike at a time, which I'm afraid means no passengers, and that includes children.

We've also had some questions about what to do if something goes wrong. If a bike has a flat tyre or the brakes don't feel right, don't try to fix it yourself. Return it to the nearest station and press the red button on the stand. That tells our team the bike needs repairing, and it won't be offered to anyone else until it's been checked.

Finally, some news about next year. We're planning to introduce electric bikes, which should make the scheme more attractive to people who live on the hills to the north of the city. We're also going to offer free cycling lessons for adults who haven't ridden for a long time. They'll be held on Sunday mornings in Riverside Park, and you'll be able to book a place through the app. And for businesses, we're introducing a special membership, so that companies can pay for their staff to use the bikes.

So if you haven't tried CityCycle yet, I hope you'll give it a go. Thank you for listening.`;

const section3 = `DR HUGHES: Right, Jessica, Ravi, Sam, thanks for coming. You're looking at plastic packaging in the campus cafés for your group project. Where have you got to?
JESSICA: We've finished collecting data. For two weeks, we counted all the plastic items that were thrown away in the four cafés on campus.
DR HUGHES: And what did you find?
RAVI: We expected the biggest problem to be plastic bottles, but the cafés already sell far fewer of those since the free water fountains were installed. The biggest source of waste now is the plastic lids on takeaway coffee cups.
SAM: And the sandwich packaging. But it was the lids, by a long way.
DR HUGHES: Interesting. Did anything about the counting itself cause problems?
JESSICA: The main difficulty was that the bins are emptied at different times in different cafés, so at first we were counting some rubbish twice. We had to agree on a time with the cleaning staff.
DR HUGHES: That's worth mentioning in your methods section. It shows you noticed a weakness and dealt with it. Now, what are you going to recommend?
SAM: We've had a lot of ideas, but we think the most realistic one is to charge a small amount extra for every takeaway cup, and to give the money to the university's environment fund.
RAVI: We did think about banning takeaway cups completely, but the students we surveyed were strongly against that.
DR HUGHES: I'd agree that a charge is more realistic. Just be careful: you'll need evidence that a charge actually changes people's behaviour. Are there any studies you can use?
JESSICA: There's a study from a university in Wales which found that a charge of twenty-five pence reduced the number of cups by about a sixth.
DR HUGHES: Good, use that. Now, I understand you also want to make recommendations for each café individually.
SAM: Yes, because they're all quite different. Take the Library Café first. It's tiny, and there's nowhere to sit, so nearly everything is takeaway. We think it should offer a discount to people who bring their own cup.
RAVI: Then the Main Hall Café. That's the biggest, and it has plenty of space and a dishwasher, so there's no reason it can't use real cups and plates for customers who are staying.
JESSICA: The Sports Centre Café mostly sells cold drinks in bottles. We'd suggest it stops selling bottled water altogether, because there's a water fountain right next to it.
SAM: The Garden Café is the most difficult. It only opens in the summer, and it's run by an outside company, so the university can't tell it what to do. All we can suggest is that the university talks to the company when the contract is renewed.
DR HUGHES: That sounds sensible. And the fifth one, the new café in the Science Building?
RAVI: It doesn't open until next year, so it isn't in our data. But we want to recommend that it's designed without any single-use plastic from the start.
DR HUGHES: That's a good way to finish the report. Now, who's writing which section?`;

const section4 = `Good afternoon. In today's lecture, I'm going to talk about mangrove forests: what they are, why they matter, and what is being done to protect them.

Mangroves are trees and shrubs that grow along tropical and subtropical coasts, in the zone between the land and the sea. This is a very difficult environment for plants. Twice a day the tide comes in and covers their roots with salt water, and the mud they grow in contains very little oxygen. Most plants would die in these conditions, but mangroves have developed some remarkable ways of surviving.

The first problem is salt. Some species of mangrove stop most of the salt from entering their roots at all. Others take in salt water and then get rid of the salt through their leaves; if you look closely at the leaves of these species, you can sometimes see small crystals of salt on the surface.

The second problem is the lack of oxygen in the mud. Many mangroves solve this with special roots that grow upwards, out of the mud, like small pencils. These roots take in air when the tide is low. Other species have roots that arch out from the trunk above the water, which also help to keep the tree stable in soft ground.

Mangroves reproduce in an unusual way too. Instead of dropping seeds, many species produce young plants that begin to grow while they are still attached to the parent tree. When they fall, they can float on the sea for months, and this is how mangroves have spread along coastlines all over the world.

Why do mangroves matter? First of all, they protect coasts. Their dense roots slow down waves and hold the mud in place, which reduces erosion. After major storms, villages behind healthy mangrove forests have often suffered far less damage than those without them. Second, mangroves are nurseries for wildlife. Many species of fish spend the early part of their lives among the roots, where they are safe from larger animals, so mangroves are important for local fishing communities. And third, mangroves are extremely good at storing carbon. Because the mud contains so little oxygen, dead leaves and wood break down very slowly, and the carbon stays buried for centuries.

Unfortunately, a large proportion of the world's mangroves has been lost in the last fifty years. The main cause has been the clearing of forests to make ponds for farming shrimp, but mangroves have also been cut down for timber and to make space for hotels and other tourist developments.

The good news is that mangroves can recover. Early attempts at replanting often failed, because the young trees were planted in the wrong places, where the water was too deep. More recent projects have been more successful because they begin by restoring the natural flow of water, and then allow the mangroves to return on their own. Projects that involve local communities, who depend on the forests for fish and wood, have had the best results of all.

Next week, we'll compare mangroves with another coastal habitat: salt marshes.`;

/** The third Listening test: four original sections with transcripts and 40 questions. */
export const listeningTest3: Question = {
  ...emptyQuestionFields(),
  question_id: 'li-test-03',
  assessment_type: 'listening',
  title: 'Listening practice test 3',
  prompt: `There are four sections and ${TEST_LIMITS.listening.questions} questions. Read the questions for each section before you listen; you will hear each recording once. Spelling must be correct.`,
  time_limit: TEST_LIMITS.listening.minutes,
  sections: [
    { part: 1, title: 'Reporting a lost bag', transcript: section1, audio_url: null, audio_duration_seconds: null },
    { part: 2, title: 'A radio talk about a bike-share scheme', transcript: section2, audio_url: null, audio_duration_seconds: null },
    { part: 3, title: 'A project on plastic waste in campus cafés', transcript: section3, audio_url: null, audio_duration_seconds: null },
    { part: 4, title: 'A lecture on mangrove forests', transcript: section4, audio_url: null, audio_duration_seconds: null },
  ],
  question_groups: [
    {
      group_id: 'li-test-03-q01-10',
      part: 1,
      instructions:
        'Questions 1–10. Complete the form below. Write NO MORE THAN TWO WORDS AND/OR A NUMBER for each answer. Northern Rail – Lost Property Report',
      answer_format: { kind: 'words', max_words: 2, numbers_allowed: true },
      options: [],
      questions: [
        { number: 1, text: 'Name: Sophie ________' },
        { number: 2, text: 'Date of journey: ________' },
        { number: 3, text: 'Boarded the train at: ________' },
        { number: 4, text: 'Time the train left: ________' },
        { number: 5, text: 'Item: a ________ rucksack' },
        { number: 6, text: 'Material: ________' },
        { number: 7, text: 'Contents: a laptop charger and a ________' },
        { number: 8, text: 'Identifying feature: a yellow ________ on the front pocket' },
        { number: 9, text: 'Mobile number: ________' },
        { number: 10, text: 'Contact by: ________' },
      ],
    },
    chooseOneLetter({
      testId: 'li-test-03',
      part: 2,
      number: 11,
      stem: 'The largest group of CityCycle users is',
      options: ['tourists', 'people cycling to work', 'students'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 2,
      number: 12,
      stem: 'The new bike stations will be',
      options: ['in the parks', 'at the shopping centre', 'next to bus and train stations'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 2,
      number: 13,
      stem: 'What does the speaker say about using the scheme?',
      options: [
        'The first thirty minutes of each journey are free.',
        'Users must register at a station.',
        'An annual pass gives unlimited free journeys.',
      ],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 2,
      number: 14,
      stem: 'To keep users safe, the scheme’s staff',
      options: ['provide helmets with every bike', 'check the bikes every week', 'check the lights before every journey'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 2,
      number: 15,
      stem: 'If a bike has a problem, users should',
      options: ['try to repair it', 'phone the CityCycle office', 'return it and press a button on the stand'],
    }),
    {
      group_id: 'li-test-03-q16-20',
      part: 2,
      instructions: 'Questions 16–20. Complete the notes below. Write ONE WORD ONLY for each answer. CityCycle: rules and plans',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 16, text: 'Rules: a bike left outside a station means a ________ of £20.' },
        { number: 17, text: 'Rules: bikes may not be taken on ________.' },
        { number: 18, text: 'Rules: riders may not carry ________, including children.' },
        { number: 19, text: 'Next year: ________ bikes for people living on the hills.' },
        { number: 20, text: 'Next year: free cycling lessons for adults on Sunday mornings in Riverside ________.' },
      ],
    },
    chooseOneLetter({
      testId: 'li-test-03',
      part: 3,
      number: 21,
      stem: 'The largest source of plastic waste in the cafés was',
      options: ['plastic bottles', 'lids on takeaway cups', 'sandwich packaging'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 3,
      number: 22,
      stem: 'What problem did the students have while collecting data?',
      options: ['Some rubbish was counted twice.', 'The cleaning staff refused to help.', 'One café would not take part.'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 3,
      number: 23,
      stem: 'The group’s main recommendation is to',
      options: ['ban takeaway cups completely', 'charge extra for each takeaway cup', 'install more water fountains'],
    }),
    chooseOneLetter({
      testId: 'li-test-03',
      part: 3,
      number: 24,
      stem: 'Dr Hughes says the students need',
      options: ['evidence that a charge changes behaviour', 'the views of café staff', 'figures from other cafés in the city'],
    }),
    {
      group_id: 'li-test-03-q25-30',
      part: 3,
      instructions:
        'Questions 25–30. What do the students recommend for each café? Choose SIX answers from the box and write the correct letter, A–G, next to questions 25–30.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'use real cups and plates' },
        { letter: 'B', text: 'stop selling bottled water' },
        { letter: 'C', text: 'give a discount for bringing your own cup' },
        { letter: 'D', text: 'be designed without single-use plastic' },
        { letter: 'E', text: 'discuss the issue when a contract is renewed' },
        { letter: 'F', text: 'open for longer hours' },
        { letter: 'G', text: 'charge extra for every takeaway cup' },
      ],
      questions: [
        { number: 25, text: 'all the cafés' },
        { number: 26, text: 'the Library Café' },
        { number: 27, text: 'the Main Hall Café' },
        { number: 28, text: 'the Sports Centre Café' },
        { number: 29, text: 'the Garden Café' },
        { number: 30, text: 'the Science Building café' },
      ],
    },
    {
      group_id: 'li-test-03-q31-40',
      part: 4,
      instructions: 'Questions 31–40. Complete the notes below. Write ONE WORD ONLY for each answer. Mangrove Forests',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 31, text: 'Conditions: roots are covered by salt water, and the mud contains little ________.' },
        { number: 32, text: 'Salt: some species get rid of salt through their ________.' },
        { number: 33, text: 'Roots: some roots grow upwards out of the mud, like small ________.' },
        { number: 34, text: 'Reproduction: young plants can ________ on the sea for months.' },
        { number: 35, text: 'Value: dense roots slow down waves and reduce ________.' },
        { number: 36, text: 'Value: young ________ shelter among the roots.' },
        { number: 37, text: 'Value: mangroves store ________ for centuries.' },
        { number: 38, text: 'Loss: the main cause has been ponds for farming ________.' },
        { number: 39, text: 'Recovery: early replanting failed where the water was too ________.' },
        { number: 40, text: 'Recovery: the best results come when local ________ are involved.' },
      ],
    },
  ],
  answer_key: {
    '1': 'Marchant',
    '2': '9 March / 9th March / March 9 / March 9th',
    '3': 'Brockley Vale',
    '4': '7.45 / 7:45 / 7.45 am / 7:45 am',
    '5': 'dark green',
    '6': 'canvas',
    '7': 'sketchbook',
    '8': 'badge',
    '9': '07735 201468 / 07735201468',
    '10': 'email / e-mail',
    '11': 'B',
    '12': 'C',
    '13': 'A',
    '14': 'B',
    '15': 'C',
    '16': 'fine',
    '17': 'trains',
    '18': 'passengers',
    '19': 'electric',
    '20': 'Park',
    '21': 'B',
    '22': 'A',
    '23': 'B',
    '24': 'A',
    '25': 'G',
    '26': 'C',
    '27': 'A',
    '28': 'B',
    '29': 'E',
    '30': 'D',
    '31': 'oxygen',
    '32': 'leaves',
    '33': 'pencils',
    '34': 'float',
    '35': 'erosion',
    '36': 'fish',
    '37': 'carbon',
    '38': 'shrimp',
    '39': 'deep',
    '40': 'communities',
  },
  tags: ['full-test'],
};
