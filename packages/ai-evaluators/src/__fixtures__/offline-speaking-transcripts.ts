// Hand-written speaking answers with word timings, for the offline speaking scorer's tests.

/** A word with timings, as a speech recogniser reports it. */
export interface TimedWordFixture {
  word: string;
  start_ms: number;
  end_ms: number;
}

/**
 * Times a transcript: each word lasts `60000 / wordsPerMinute` ms less a 60 ms gap, and a
 * silence of `pauseMs` follows each word that `pauseAfter` picks (by position).
 */
export function timeWords(
  text: string,
  wordsPerMinute: number,
  pauseAfter: (index: number, word: string) => boolean = () => false,
  pauseMs = 1500,
): TimedWordFixture[] {
  const slot = 60_000 / wordsPerMinute;
  let clock = 0;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, index) => {
      const timed = { word, start_ms: Math.round(clock), end_ms: Math.round(clock + slot - 60) };
      clock += slot + (pauseAfter(index, word) ? pauseMs : 0);
      return timed;
    });
}

/** A fluent, varied part 1 answer. */
export const FLUENT_PART1 =
  "Well, I actually grew up in a small coastal town, which I think shaped my personality quite a lot. Because we were surrounded by the sea, I spent most of my childhood sailing with my uncle, and that's probably why I'm so comfortable outdoors. If I had the chance, I would definitely move back there, although the job opportunities are rather limited compared with the capital.";

/** A fluent part 2 talk of about two minutes at 140 words a minute. */
export const FLUENT_PART2 =
  "I'd like to describe a memorable journey I took three years ago, when my university organised a field trip to the mountains in the north of the country. We had been studying geology for a semester, so the trip was meant to give us practical experience of the rock formations we had only seen in textbooks. What made it unforgettable, however, was not the geology but the people I met. On the second evening a storm cut off the road, and we were forced to stay in a tiny village whose residents had never hosted foreign students before. Despite the language barrier, they welcomed us into their homes, cooked traditional dishes and taught us folk songs that I can still remember today. Looking back, I realised that the most valuable lessons of the trip had nothing to do with the syllabus. It taught me that hospitality can overcome almost any obstacle, and it encouraged me to travel more independently. Since then I have visited several remote regions, and each time I try to spend a night with a local family rather than in a hotel, because that is where you genuinely understand a place.";

/** A halting part 1 answer: fillers, repetitions, self-corrections and simple words. */
export const HALTING_PART1 =
  'um I I live in in a city um the city is is big er it is good I like it um I like it because it is is big and er there are many many shop I mean shops and um I go to the the shop with my my friend um it is good';
