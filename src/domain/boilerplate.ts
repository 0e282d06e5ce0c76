/**
 * The loader's boilerplate rules, for the pages that explain them (Methods): the views read them
 * here, not from the corpus layer that applies them.
 */
export { BOILERPLATE_RULES, type BoilerplateRule } from '../corpus/boilerplate.js'
