/**
 * The model the Analyzer uses by default: data/models/newsmtsc-logreg.json, written by
 * `npm run train` from the NewsMTSC training split (Hamborg & Donnay, EACL 2021). A static JSON
 * import, like the lexicons, so the engine does no I/O.
 */
import raw from '../../../data/models/newsmtsc-logreg.json' with { type: 'json' }
import { parseModelFile, ToneModel } from './reading.js'

/** The bundled NewsMTSC logistic regression. */
export const NEWSMTSC_MODEL: ToneModel = new ToneModel(parseModelFile(raw))
