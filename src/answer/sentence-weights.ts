// Written by `npm run fit:answer`; do not edit by hand. `fitted.outOfFold` holds the
// out-of-fold figures per data source.
import type { SentenceModel } from './sentence-model.js';

export const FITTED_SENTENCE_MODEL: SentenceModel = {
  weights: [
    1.1729, // coverage
    1.7459, // local
    2.4874, // before
    1.3303, // rank
    1.7398, // retrieval
    0.6827, // typeMatch
    -0.6827, // typeMiss
    -1.0087, // novelty
    1.1846, // coverageNovelty
    0.1085, // question
    -0.396, // heading
    0.1458, // pointsBack
    -0.6599, // length
    0.0602, // lead
    0.2911, // number
    0.481, // related
    1.2527, // wordCoverage
    1.0208, // rarest
    1.0381, // localSquared
    1.1395, // topPassage
    0.902, // typeLocal
    0.7813, // beforeLocal
    1.662, // contextCoverage
    2.2374, // attributeCoverage
  ],
  secondMinProbability: 0.005,
  secondLikelyProbability: 0.1,
  answerability: {
    weights: [
      -5.09, // bias
      0.3592, // coverage
      4.1553, // contextCoverage
      1.5051, // attributeCoverage
      1.4045, // local
      -0.2181, // wordCoverage
      0.1849, // rarest
      1.1474, // bestCoverage
      -0.2986, // passagesCoverage
      1.4777, // probability
      3.3433, // unknown
      0.0308, // typeMatch
      0.0905, // typed
    ],
    threshold: 0.2496,
  },
  fitted: {"data":["korquad"],"folds":5,"devWeight":5,"outOfFold":{"korquad":{"accuracy":0.8796,"refusalRate":0.0473,"refusalRecall":null,"medianAnswerChars":135,"cases":5774},"korquad-near-miss":{"accuracy":0.6831,"refusalRate":0,"refusalRecall":0.6831,"medianAnswerChars":0,"cases":5774}}},
};
