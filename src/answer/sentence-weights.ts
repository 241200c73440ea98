// Written by `npm run fit:answer`; do not edit by hand. `fitted.outOfFold` holds the
// out-of-fold figures per data source.
import type { SentenceModel } from './sentence-model.js';

export const FITTED_SENTENCE_MODEL: SentenceModel = {
  weights: [
    1.2795, // coverage
    1.6409, // local
    2.3152, // before
    1.354, // rank
    1.7646, // retrieval
    0.5559, // typeMatch
    -0.5559, // typeMiss
    -0.9784, // novelty
    1.278, // coverageNovelty
    0.1468, // question
    -0.3916, // heading
    0.1345, // pointsBack
    -0.6273, // length
    0.1256, // lead
    0.2542, // number
    0.4884, // related
    1.275, // wordCoverage
    0.5183, // rarest
    1.0496, // localSquared
    1.1368, // topPassage
    0.6089, // typeLocal
    0.6795, // beforeLocal
    1.6318, // contextCoverage
    1.7118, // attributeCoverage
    1.3654, // attributeShare
    0.7464, // typeAttribute
  ],
  secondMinProbability: 0.005,
  secondLikelyProbability: 0.1,
  answerability: {
    weights: [
      -3.5388, // bias
      0.0652, // coverage
      2.8237, // contextCoverage
      1.5301, // attributeCoverage
      0.979, // local
      -0.4672, // wordCoverage
      0.8236, // rarest
      0.9202, // bestCoverage
      -0.2499, // passagesCoverage
      1.4095, // probability
      2.8843, // unknown
      0.0092, // typeMatch
      0.0266, // typed
      -0.0891, // missingPassages
      -2.0498, // missingArticle
      -0.6525, // missingSentence
    ],
    threshold: 0.2232,
  },
  fitted: {"data":["korquad"],"folds":5,"devWeight":5,"outOfFold":{"korquad":{"accuracy":0.8831,"refusalRate":0.0473,"refusalRecall":null,"medianAnswerChars":137,"cases":5774},"korquad-near-miss":{"accuracy":0.691,"refusalRate":0,"refusalRecall":0.691,"medianAnswerChars":0,"cases":5774}}},
};
