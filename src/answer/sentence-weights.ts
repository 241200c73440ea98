// Written by `npm run fit:answer`; do not edit by hand. `fitted.outOfFold` holds the
// out-of-fold figures per data source.
import type { SentenceModel } from './sentence-model.js';

export const FITTED_SENTENCE_MODEL: SentenceModel = {
  weights: [
    1.2787, // coverage
    1.6415, // local
    2.3149, // before
    1.354, // rank
    1.7644, // retrieval
    0.5571, // typeMatch
    -0.5571, // typeMiss
    -0.9792, // novelty
    1.2772, // coverageNovelty
    0.1468, // question
    -0.4634, // heading
    0.134, // pointsBack
    -0.6298, // length
    0.1266, // lead
    0.2534, // number
    0.4802, // related
    1.2742, // wordCoverage
    0.5195, // rarest
    1.05, // localSquared
    1.1367, // topPassage
    0.6072, // typeLocal
    0.6799, // beforeLocal
    1.6317, // contextCoverage
    1.7115, // attributeCoverage
    1.3653, // attributeShare
    0.7446, // typeAttribute
  ],
  secondMinProbability: 0.005,
  secondLikelyProbability: 0.1,
  answerability: {
    weights: [
      -3.5356, // bias
      0.0653, // coverage
      2.8223, // contextCoverage
      1.5314, // attributeCoverage
      0.9799, // local
      -0.4674, // wordCoverage
      0.8226, // rarest
      0.9182, // bestCoverage
      -0.2502, // passagesCoverage
      1.4083, // probability
      2.8839, // unknown
      0.0101, // typeMatch
      0.0269, // typed
      -0.0895, // missingPassages
      -2.0488, // missingArticle
      -0.654, // missingSentence
    ],
    threshold: 0.2233,
  },
  fitted: {"data":["korquad"],"folds":5,"devWeight":5,"outOfFold":{"korquad":{"accuracy":0.8829,"refusalRate":0.0475,"refusalRecall":null,"medianAnswerChars":137,"cases":5774},"korquad-near-miss":{"accuracy":0.691,"refusalRate":0,"refusalRecall":0.691,"medianAnswerChars":0,"cases":5774}}},
};
