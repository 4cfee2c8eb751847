// Hand-written answers for the offline scorer's tests. None comes from the calibration data.

/** A task 2 prompt. */
export const TASK2_PROMPT =
  'Some people believe that governments should spend more money on public transport, while others think building new roads is more important. Discuss both views and give your own opinion.';

/** A well-formed task 2 essay of five paragraphs, 279 words. */
export const WELL_FORMED_TASK2_ESSAY = `Traffic congestion has become one of the most pressing problems in modern cities. Some argue that governments should invest primarily in public transport, whereas others believe that new roads are a better use of public money. In my opinion, although roads remain necessary, public transport deserves the larger share of spending.

On the one hand, building new roads can bring immediate benefits. Wider motorways reduce journey times for drivers, and better road links allow goods to reach markets more quickly, which supports local businesses. Furthermore, in rural areas where buses are infrequent, a reliable road network is often the only practical way for residents to reach hospitals and schools.

On the other hand, investment in public transport tends to produce more lasting results. A single train can carry hundreds of passengers, so every new line removes a considerable number of cars from congested streets. As a result, air pollution falls and commuters spend less time in traffic. For example, when Copenhagen expanded its metro system, the proportion of residents travelling by car declined steadily over the following decade.

Moreover, new roads frequently attract additional traffic. This phenomenon, known as induced demand, means that congestion often returns within a few years, and the original investment is largely wasted. Public transport, by contrast, offers an affordable alternative for people who cannot afford to run a car, such as students and elderly citizens, and therefore makes cities fairer as well as more efficient.

In conclusion, while certain road projects are justified, particularly in the countryside, I firmly believe that governments should prioritise public transport. It reduces congestion and pollution more effectively in the long term and benefits a wider section of society.`;

/** A task 1 prompt. */
export const TASK1_PROMPT =
  'The line graph below shows the percentage of households with internet access in three countries between 2000 and 2020. Summarise the information by selecting and reporting the main features, and make comparisons where relevant.';

/** A task 1 report of 158 words. */
export const TASK1_REPORT = `The line graph compares the proportion of households with internet access in Canada, Mexico and India from 2000 to 2020.

Overall, access rose considerably in all three countries, although Canada remained far ahead throughout the period, while India recorded the most dramatic growth from a very low starting point.

In 2000, just over 40% of Canadian households were connected, compared with approximately 5% in Mexico and under 1% in India. Over the next decade, the Canadian figure climbed steadily to reach 80% in 2010, whereas Mexico's rate increased more slowly to around 30%.

Between 2010 and 2020, growth in Canada levelled off, and the proportion finished at roughly 92%. By contrast, Mexico saw a sharp rise to 56%, and India, which had stood at only 7% in 2010, surged to 45% by the end of the period. As a result, the gap between Mexico and India narrowed significantly, although both countries still lagged well behind Canada in 2020.`;

/** A weak task 2 answer: short, one paragraph, misspelt, few linking words. */
export const WEAK_TASK2_ESSAY = `i think goverment must spend money for bus and train. because bus is good and train is good for peoples. road is also good but many car make pollution and traffic is very bad in my city. i dont like traffic. peoples is angry in traffic evry day and they are late for work. so goverment must spend money for bus and train and not for road. this is my opinon about this.`;
