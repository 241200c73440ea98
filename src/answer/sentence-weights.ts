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
  sectionWeight: 2,
  answerability: {
    weights: [
      -3.5463, // bias
      0.071, // coverage
      2.8235, // contextCoverage
      1.5259, // attributeCoverage
      0.9811, // local
      -0.4667, // wordCoverage
      0.8232, // rarest
      0.9224, // bestCoverage
      -0.2429, // passagesCoverage
      1.4058, // probability
      2.8847, // unknown
      0.0107, // typeMatch
      0.0264, // typed
      -0.0754, // missingPassages
      -2.0477, // missingArticle
      -0.652, // missingSentence
    ],
    threshold: 0.1763,
    newsThreshold: 0.2556,
    pageThreshold: 0.1072,
  },
  fitted: {"data":["korquad"],"folds":5,"devWeight":5,"outOfFold":{"korquad":{"accuracy":0.8826,"refusalRate":0.0478,"refusalRecall":null,"medianAnswerChars":137,"cases":5774},"korquad-near-miss":{"accuracy":0.6907,"refusalRate":0,"refusalRecall":0.6907,"medianAnswerChars":0,"cases":5774}},"threshold":{"maxAnswerableRefused":0.02,"folds":5,"outOfFold":{"korquad":{"accuracy":0.9115,"refusalRate":0.012,"refusalRecall":null,"medianAnswerChars":145,"cases":5774},"korquad-near-miss":{"accuracy":0.4013,"refusalRate":0,"refusalRecall":0.4013,"medianAnswerChars":0,"cases":5774}}},"newsThreshold":{"sets":["news-archive","news-check","news-check2","news-check3","news-check4","news-check5","news-check6","news-check7","news-check8","news-check9","news-dev","seed","seed-holdout"],"cases":667,"outOfFoldAccuracy":0.8351,"shippedAccuracy":0.8366},"pageThreshold":{"sets":["docs-check","docs-check10","docs-check2","docs-check3","docs-check4","docs-check5","docs-check6","docs-check7","docs-check8","docs-check9","docs-dev"],"cases":388,"outOfFoldAccuracy":0.5412,"shippedAccuracy":0.5206},"sectionWeight":{"sets":["docs-check","docs-check10","docs-check11","docs-check12","docs-check13","docs-check14","docs-check15","docs-check16","docs-check17","docs-check18","docs-check19","docs-check2","docs-check20","docs-check21","docs-check22","docs-check23","docs-check24","docs-check25","docs-check3","docs-check4","docs-check5","docs-check6","docs-check7","docs-check8","docs-check9","docs-dev"],"cases":956,"outOfFoldRight":536,"rightWithout":536}},
};
