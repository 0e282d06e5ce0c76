/** Normalise: quotes, dashes and spaces made uniform, offsets kept (text.ts). */
import { normalizeText } from '../text.js'
import { stage } from './document.js'

export const normalise = stage({
  name: 'normalise',
  reads: ['input'],
  writes: ['text'],
  run: ({ input }) => ({ text: normalizeText(input.text) }),
})
