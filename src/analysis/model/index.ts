/** The learned second reading: features, the logistic regression, the bundled model. */
export {
  actorFeatures,
  DEFAULT_FEATURE_SETTINGS,
  featureReader,
  OTHER_ACTOR,
  THIS_ACTOR,
  type FeatureSettings,
  type Features,
} from './features.js'
export {
  argmax,
  classScores,
  predictProbabilities,
  seededRandom,
  shuffledOrder,
  softmax,
  trainLogReg,
  type Example,
  type LogRegWeights,
  type SparseVector,
  type TrainingOptions,
} from './logreg.js'
export {
  parseModelFile,
  ToneModel,
  TOP_CONTRIBUTIONS,
  type Contribution,
  type ModelFile,
  type ModelReading,
} from './reading.js'
export { describeFeature } from './describe.js'
export { NEWSMTSC_MODEL } from './bundled.js'
