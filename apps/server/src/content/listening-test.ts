import { TEST_LIMITS, type Question } from '@ielts-genai-prep/core';
import { emptyQuestionFields } from './question-defaults.js';

// Original scripts written for this project. No recordings exist yet (`audio_url` null): an app
// can read the transcript aloud with text-to-speech or show it for review after answering.

const section1 = `RECEPTIONIST: Good morning, Riverside Community Centre. How can I help you?
ANNA: Oh, hello. I'm ringing about the evening classes. I saw that you're running some new courses this autumn and I'd like to enrol on one.
RECEPTIONIST: Of course. Which course are you interested in?
ANNA: Well, I was thinking about the photography course at first, but a friend told me it's already full, so I'd like to do the introduction to woodwork instead.
RECEPTIONIST: Yes, I'm afraid photography is full. Woodwork still has a few places. Let me just get a form up on the screen. Right, so that's Introduction to Woodwork. The class meets once a week. It used to be on Tuesdays, but this year it's moved to Thursday evenings, from seven until nine.
ANNA: Thursday's fine for me.
RECEPTIONIST: Good. And the first session is on the 14th of September.
ANNA: Oh, I thought it said the 7th in your brochure.
RECEPTIONIST: Yes, that was the original date, but the tutor is away that week, so it starts on the 14th of September now and runs for ten weeks.
ANNA: OK, 14 September. I'll make a note of that.
RECEPTIONIST: Can I take your name, please?
ANNA: Anna Harwood. That's H-A-R-W-O-O-D.
RECEPTIONIST: Thank you. And your address?
ANNA: It's 27 Kestrel Street, that's K-E-S-T-R-E-L, in Millbrook.
RECEPTIONIST: 27 Kestrel Street, Millbrook. And a contact number?
ANNA: My home number is 01632 960417, but it's probably better to use my mobile, because I'm hardly ever at home. It's 07962 418305.
RECEPTIONIST: So that's 07962 418305.
ANNA: That's right.
RECEPTIONIST: Can I ask how you heard about the course? We're trying to find out which kind of advertising works best.
ANNA: Well, my neighbour mentioned that the centre had some new classes, but I didn't find out about the woodwork course until I saw a leaflet in the window of the post office.
RECEPTIONIST: A leaflet. That's useful to know. Now, the fee. The full price is £120 for the ten weeks, but if you live in Millbrook you pay the resident's rate, which is £95.
ANNA: Oh, that's good. Yes, I've lived here for years.
RECEPTIONIST: Then it's £95. You can pay on the first evening, by card or in cash.
ANNA: Do I need to bring anything? Tools, for example?
RECEPTIONIST: No, all the tools and safety glasses are provided. But you'll need to bring your own apron, because it gets quite dusty, and it's best to wear strong shoes.
ANNA: An apron. Fine. And is there anywhere to park? I'll be coming straight from work.
RECEPTIONIST: There isn't any parking at the centre itself, I'm afraid. The supermarket car park is nearby, but it closes at six, so don't use that one. Your best option is the car park behind the library, which is free after six o'clock.
ANNA: Behind the library. Perfect. Thank you so much for your help.
RECEPTIONIST: You're welcome. We'll see you on the 14th.`;

const section2 = `Good morning, everyone, and welcome to Heron Lake Nature Reserve. My name's Claire Dobson and I coordinate the volunteer programme here. Thank you all for coming along to this introductory session. I'll start by telling you a little about the history of the reserve, then explain how volunteering works, and finally I'll describe the different areas where you might be working.

First, some background. Many visitors assume the lake is natural, or that it was built as a reservoir to supply the town with water. In fact, the whole site was a gravel quarry until about thirty years ago. When the quarry closed, the pits gradually filled with water, and the wildlife trust bought the land and began turning it into the reserve you see today. The fields around the reserve are still farmed, and we work closely with the farmers, who have been very supportive.

Now, about volunteering. We have around eighty volunteers at the moment. You might expect most of them to come at weekends, and we do have a small weekend team, but in fact the majority of our volunteers come on weekday mornings, because that's when most of the practical work gets done. The school holidays are busy too, but mainly with events for families rather than practical work.

Before you start, there are a few things you need to know. You don't need any qualifications, and there's no separate safety course to attend. Instead, for your first two sessions you'll work alongside one of our experienced volunteers, who will show you how to use the tools safely and explain how we do things. We provide all the protective clothing and gloves you'll need, so there's no need to buy anything.

There's one rule I'd really like to stress. Visitors often bring bread for the ducks and swans, and we discourage that because it's bad for them. So please don't feed any of the birds yourselves, even if they come right up to you, which some of the swans certainly will. Dogs, by the way, are welcome on the main path as long as they're on a lead, and you're welcome to use the main car park, although we ask volunteers to park at the far end to leave space for visitors.

As a small thank you, all volunteers get free hot drinks in the café on the days they're working. I'm afraid we can no longer offer free parking, but volunteers can buy an annual parking permit at half the normal price. And you'll need to bring your own lunch, although the café does sell sandwiches.

What are we aiming to achieve this year? In the past, our focus was on increasing the number of birds on the reserve, and that has been very successful. We'd also like to attract more young visitors, and that's something we plan to work on next year. But this year our main aim is to restore the reed beds, which have become overgrown with willow trees.

Finally, let me tell you about the main areas of the reserve. The reed beds are on the western side of the lake. Parts of them are closed to everyone, volunteers included, from March to June, because that's when the birds are nesting there.

The woodland trail was extended last year and now goes all the way round the north side of the lake. It's a lovely walk, but it can be very muddy in winter, so it isn't really suitable for wheelchairs.

The visitor hide, on the other hand, was rebuilt two years ago with a ramp and wide doors, so it's ideal for wheelchair users. Some people hope to see otters from the hide, but they're very rarely seen there; your best chance of seeing an otter is actually from the bridge at the main entrance.

And lastly, the meadow. This is where we hold most of our sessions with local schools. On most weekdays in the summer term you'll find a class there, hunting for insects or learning about wild flowers. Right, are there any questions so far?`;

const section3 = `DR GRANT: Come in, Lucy, Ahmed. Have a seat. So, you've sent me the draft of your report on how students travel to the campus. Before we go through it, remind me why you chose this topic.
LUCY: Well, there's been quite a lot about it in the student newspaper, but mainly it was because we both cycle in every day, and we kept noticing how few bike racks there are and how dangerous the main junction is.
AHMED: And we were surprised that the university had never done any research on it, so we thought it would be a useful project.
DR GRANT: Good. Personal experience is often a good starting point. How did the survey go?
AHMED: Much better than we expected. We were hoping for about a hundred replies, and in the end we got over four hundred.
LUCY: We thought the first-year students would be the ones most likely to reply, but actually the responses were fairly evenly spread across all the years. And only a handful of people left questions blank.
DR GRANT: That's an excellent response. What did you find most surprising in the results?
LUCY: Well, we knew lots of students walk, because so many live close by, and the journey times were about what we'd expected, around twenty-five minutes on average.
AHMED: What really surprised us was the number who drive. Nearly a fifth of the students come by car, even though parking on campus is so expensive.
DR GRANT: Interesting. One thing that would strengthen the project is to talk to some of the staff as well. Their travel patterns might be quite different. I wouldn't try to compare us with other universities, though. That would be a different project altogether. And don't worry about the length of your questionnaire; it was fine.
LUCY: OK, we'll arrange some interviews with staff.
DR GRANT: Now, let's go through the report section by section. The introduction is rather long. You spend two whole pages on the history of the campus, which isn't really necessary. Try to cut it down to half a page.
AHMED: Right. What about the literature review?
DR GRANT: The studies you've chosen are recent enough, so the figures are fine, but you've only cited three sources. You'll need quite a few more references than that for a project of this size.
LUCY: And the methods section?
DR GRANT: That's very good. It's clearly organised, and anyone could follow it and repeat your survey. I wouldn't change anything there.
AHMED: That's a relief. We weren't sure about the survey results section.
DR GRANT: The content is fine, but the graphs are hard to read. The colours you've used are too similar, and some of the labels are tiny. They need to be much clearer.
LUCY: OK. And we've only done a few interviews so far, so that section is quite short.
DR GRANT: Yes, I noticed. Rather than keep it as a separate section, I'd combine it with the discussion. The interviews really help to explain the survey findings, so that's where they belong.
AHMED: That makes sense. And finally, the summary of findings.
DR GRANT: At the moment it's right at the end, after the recommendations. But busy readers want to see the main findings first, so I'd move it to the beginning, straight after the introduction.
LUCY: Thanks, that's really helpful. We'll make those changes this week.`;

const section4 = `Good afternoon. Today I want to look at an industry that has almost completely disappeared, yet for most of the nineteenth century it was an important part of the economy of the north-eastern United States: the natural ice trade.

The trade began with a Boston merchant called Frederic Tudor. In 1806, he had the idea of cutting ice in winter from the frozen ponds of New England and shipping it south to the Caribbean, where he believed wealthy residents would pay well for it. His first cargo did arrive, but much of it melted before he could sell it, and the venture made a serious loss. In fact, it was several years before Tudor made any profit at all.

Part of the problem was that there was no demand. People in hot climates had never had ice, and simply didn't know how to use it. So Tudor created the demand himself. He gave ice away to bar owners so that they could serve chilled drinks, and once customers had tasted a cold drink on a hot day, they didn't want to go back. He also showed doctors how ice could help to bring down a patient's fever.

Let's turn now to how the ice was actually harvested. This took place in the depths of winter, when the ice on the ponds around Boston was at least thirty centimetres thick. At first, workers cut it with axes and hand saws, which was slow and produced blocks of all shapes and sizes. The breakthrough came in the 1820s with a horse-drawn cutter, which was dragged across the frozen surface to mark it in a grid. Workers then sawed along the lines, producing blocks that were all exactly the same size. This mattered enormously, because identical blocks could be packed together tightly with almost no air between them, and that greatly reduced melting.

Next, transport and storage. On land, ice was kept in large wooden ice houses with thick double walls, and on ships it was packed in sawdust. Sawdust was an excellent insulator, and because it was a waste product of the timber mills in the region, it cost almost nothing. Using these methods, the trade expanded remarkably. By the 1830s, ice from Massachusetts was being shipped as far as India, a voyage of around four months, and a surprising proportion of each cargo survived the journey. Ice also became part of everyday life in American cities, where it was delivered to homes to keep food fresh in insulated cabinets known as iceboxes.

So why did the trade come to an end? There were two main reasons. The first concerned quality. As cities grew, the rivers and ponds near them became polluted with sewage and industrial waste, and ice cut from them was found to be contaminated. Doctors began to warn about the risks to health, and consumers became suspicious of natural ice. The second reason was technological. Machines that could make ice artificially had existed since the middle of the century, and as they became cheaper and more reliable, factories could produce clean ice all year round, close to where it was needed. Eventually, mechanical refrigeration moved into people's homes as well, and by the 1930s the natural ice trade had all but vanished.

What I find fascinating is how much of this history survives in our language and habits. We still talk about an icebox, and the expectation that drinks should be served cold began with Tudor's free samples. Next week, we'll look at how refrigeration changed the way food was produced and sold.`;

const THREE_OPTIONS = ['A', 'B', 'C'];

/** One full Listening test: four original sections with transcripts and 40 questions. */
export const listeningTest: Question = {
  ...emptyQuestionFields(),
  question_id: 'li-test-01',
  assessment_type: 'listening',
  title: 'Listening practice test 1',
  prompt: `There are four sections and ${TEST_LIMITS.listening.questions} questions. Read the questions for each section before you listen; you will hear each recording once. Spelling must be correct.`,
  time_limit: TEST_LIMITS.listening.minutes,
  sections: [
    { part: 1, title: 'Enrolling on an evening course', transcript: section1, audio_url: null, audio_duration_seconds: null },
    { part: 2, title: 'Volunteering at Heron Lake Nature Reserve', transcript: section2, audio_url: null, audio_duration_seconds: null },
    { part: 3, title: 'A tutorial about a student travel survey', transcript: section3, audio_url: null, audio_duration_seconds: null },
    { part: 4, title: 'A lecture on the natural ice trade', transcript: section4, audio_url: null, audio_duration_seconds: null },
  ],
  question_groups: [
    {
      group_id: 'li-test-01-q01-10',
      part: 1,
      instructions:
        'Questions 1–10. Complete the form below. Write ONE WORD AND/OR A NUMBER for each answer. Riverside Community Centre – Course Enrolment Form',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: true },
      options: [],
      questions: [
        { number: 1, text: 'Course: Introduction to ________' },
        { number: 2, text: 'Day: ________ evenings, 7–9 pm' },
        { number: 3, text: 'Start date: ________' },
        { number: 4, text: 'Name: Anna ________' },
        { number: 5, text: 'Address: 27 ________ Street, Millbrook' },
        { number: 6, text: 'Mobile number: ________' },
        { number: 7, text: 'Heard about the course from: a ________' },
        { number: 8, text: 'Fee (resident’s rate): £________' },
        { number: 9, text: 'Please bring: your own ________' },
        { number: 10, text: 'Parking: use the car park behind the ________' },
      ],
    },
    {
      group_id: 'li-test-01-q11',
      part: 2,
      instructions: 'Question 11. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'a gravel quarry' },
        { letter: 'B', text: 'farmland' },
        { letter: 'C', text: 'a reservoir' },
      ],
      questions: [{ number: 11, text: 'Before it became a nature reserve, the site was' }],
    },
    {
      group_id: 'li-test-01-q12',
      part: 2,
      instructions: 'Question 12. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'at weekends' },
        { letter: 'B', text: 'on weekday mornings' },
        { letter: 'C', text: 'during the school holidays' },
      ],
      questions: [{ number: 12, text: 'Most volunteers at the reserve work' }],
    },
    {
      group_id: 'li-test-01-q13',
      part: 2,
      instructions: 'Question 13. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'complete a safety course' },
        { letter: 'B', text: 'work with an experienced volunteer' },
        { letter: 'C', text: 'buy their own protective clothing' },
      ],
      questions: [{ number: 13, text: 'New volunteers must first' }],
    },
    {
      group_id: 'li-test-01-q14',
      part: 2,
      instructions: 'Question 14. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'feed the birds' },
        { letter: 'B', text: 'bring dogs onto the reserve' },
        { letter: 'C', text: 'use the main car park' },
      ],
      questions: [{ number: 14, text: 'The speaker asks volunteers not to' }],
    },
    {
      group_id: 'li-test-01-q15',
      part: 2,
      instructions: 'Question 15. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'parking' },
        { letter: 'B', text: 'lunch' },
        { letter: 'C', text: 'hot drinks' },
      ],
      questions: [{ number: 15, text: 'On the days they work, volunteers receive free' }],
    },
    {
      group_id: 'li-test-01-q16',
      part: 2,
      instructions: 'Question 16. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'increase the number of birds' },
        { letter: 'B', text: 'attract more young visitors' },
        { letter: 'C', text: 'restore the reed beds' },
      ],
      questions: [{ number: 16, text: 'The reserve’s main aim this year is to' }],
    },
    {
      group_id: 'li-test-01-q17-20',
      part: 2,
      instructions:
        'Questions 17–20. What does the speaker say about each area of the reserve? Choose FOUR answers from the box and write the correct letter, A–F, next to questions 17–20.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F'] },
      options: [
        { letter: 'A', text: 'closed at certain times of the year' },
        { letter: 'B', text: 'suitable for wheelchair users' },
        { letter: 'C', text: 'needs more volunteers' },
        { letter: 'D', text: 'recently extended' },
        { letter: 'E', text: 'the best place to see otters' },
        { letter: 'F', text: 'often used by school groups' },
      ],
      questions: [
        { number: 17, text: 'the reed beds' },
        { number: 18, text: 'the woodland trail' },
        { number: 19, text: 'the visitor hide' },
        { number: 20, text: 'the meadow' },
      ],
    },
    {
      group_id: 'li-test-01-q21',
      part: 3,
      instructions: 'Question 21. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'The university asked for research on it.' },
        { letter: 'B', text: 'They had noticed problems on their own journeys.' },
        { letter: 'C', text: 'Data about it was easy to find.' },
      ],
      questions: [{ number: 21, text: 'Why did the students mainly choose travel to campus as their topic?' }],
    },
    {
      group_id: 'li-test-01-q22',
      part: 3,
      instructions: 'Question 22. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'There were many more replies than expected.' },
        { letter: 'B', text: 'Most replies came from first-year students.' },
        { letter: 'C', text: 'Many people left questions unanswered.' },
      ],
      questions: [{ number: 22, text: 'What do the students say about the responses to their survey?' }],
    },
    {
      group_id: 'li-test-01-q23',
      part: 3,
      instructions: 'Question 23. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'the number of students who walk' },
        { letter: 'B', text: 'the number of students who drive' },
        { letter: 'C', text: 'the average length of students’ journeys' },
      ],
      questions: [{ number: 23, text: 'Which finding surprised the students most?' }],
    },
    {
      group_id: 'li-test-01-q24',
      part: 3,
      instructions: 'Question 24. Choose the correct letter, A, B or C.',
      answer_format: { kind: 'letter', options: THREE_OPTIONS },
      options: [
        { letter: 'A', text: 'interview members of staff' },
        { letter: 'B', text: 'compare the results with other universities' },
        { letter: 'C', text: 'shorten their questionnaire' },
      ],
      questions: [{ number: 24, text: 'The tutor suggests that the students should' }],
    },
    {
      group_id: 'li-test-01-q25-30',
      part: 3,
      instructions:
        'Questions 25–30. What comment does the tutor make about each section of the students’ report? Choose SIX answers from the box and write the correct letter, A–G, next to questions 25–30.',
      answer_format: { kind: 'letter', options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      options: [
        { letter: 'A', text: 'needs to be shorter' },
        { letter: 'B', text: 'should include more recent figures' },
        { letter: 'C', text: 'should be moved earlier in the report' },
        { letter: 'D', text: 'is clearly organised' },
        { letter: 'E', text: 'needs clearer graphs' },
        { letter: 'F', text: 'needs more references' },
        { letter: 'G', text: 'should be combined with another section' },
      ],
      questions: [
        { number: 25, text: 'Introduction' },
        { number: 26, text: 'Literature review' },
        { number: 27, text: 'Methods' },
        { number: 28, text: 'Survey results' },
        { number: 29, text: 'Interviews' },
        { number: 30, text: 'Summary of findings' },
      ],
    },
    {
      group_id: 'li-test-01-q31-40',
      part: 4,
      instructions: 'Questions 31–40. Complete the notes below. Write ONE WORD ONLY for each answer. The Natural Ice Trade',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      options: [],
      questions: [
        { number: 31, text: 'Beginnings: in 1806, Frederic Tudor began shipping ice from New England to the ________.' },
        { number: 32, text: 'Beginnings: much of the first cargo melted and the venture made a ________.' },
        { number: 33, text: 'Beginnings: people in hot climates did not know how to ________ ice.' },
        { number: 34, text: 'Harvesting: ice was cut in winter from frozen ________ around Boston.' },
        { number: 35, text: 'Harvesting: a horse-drawn cutter marked the surface in a ________.' },
        { number: 36, text: 'Harvesting: blocks of the same size packed tightly, which reduced ________.' },
        { number: 37, text: 'Transport: on ships, ice was packed in ________, a waste product of timber mills.' },
        { number: 38, text: 'Transport: by the 1830s, ice was being shipped as far as ________.' },
        { number: 39, text: 'Decline: polluted ice led doctors to warn about risks to ________.' },
        { number: 40, text: 'Decline: the trade was replaced by mechanical ________.' },
      ],
    },
  ],
  answer_key: {
    '1': 'woodwork',
    '2': 'Thursday',
    '3': '14 September / 14th September / September 14 / September 14th',
    '4': 'Harwood',
    '5': 'Kestrel',
    '6': '07962 418305 / 07962418305',
    '7': 'leaflet',
    '8': '95',
    '9': 'apron',
    '10': 'library',
    '11': 'A',
    '12': 'B',
    '13': 'B',
    '14': 'A',
    '15': 'C',
    '16': 'C',
    '17': 'A',
    '18': 'D',
    '19': 'B',
    '20': 'F',
    '21': 'B',
    '22': 'A',
    '23': 'B',
    '24': 'A',
    '25': 'A',
    '26': 'F',
    '27': 'D',
    '28': 'E',
    '29': 'G',
    '30': 'C',
    '31': 'Caribbean',
    '32': 'loss',
    '33': 'use',
    '34': 'ponds',
    '35': 'grid',
    '36': 'melting',
    '37': 'sawdust',
    '38': 'India',
    '39': 'health',
    '40': 'refrigeration',
  },
  tags: ['full-test'],
};
