/**
 * The model: each present actor's learned second reading (`ActorFraming.model`), from the
 * bundled NewsMTSC model unless the analyser was given another or none.
 */
import { stage } from './document.js'

export const model = stage({
  name: 'model',
  reads: ['article', 'tokens', 'model'],
  writes: ['detail'],
  run: ({ article, tokens, model }) => ({
    detail: model ? { ...article, actors: model.readActors(article, tokens) } : article,
  }),
})
