/**
 * The teaching pages' URLs (issue 12), built in one place like views/urls.ts: a collection's
 * URLs carry its prefix (`scoped`).
 */
import { scoped } from '../src/domain/scope.js'

const q = encodeURIComponent

export const teachUrl = () => scoped('/teach')
export const glossaryUrl = (term?: string) => scoped(`/teach/glossary${term ? `#${q(term)}` : ''}`)
export const lessonUrl = (lesson: string) => scoped(`/teach/${q(lesson)}`)
export const revealUrl = (lesson: string) => scoped(`/teach/${q(lesson)}/reveal`)
/** Where the ranking form posts (and its GET twin). */
export const rankUrl = (lesson: string) => scoped(`/teach/${q(lesson)}/rank`)
export const worksheetUrl = (lesson: string) => scoped(`/teach/${q(lesson)}/worksheet`)
export const keyUrl = (lesson: string) => scoped(`/teach/${q(lesson)}/key`)
export const whatIfUrl = (
  lesson: string,
  edit?: { article: string; find?: string; replace?: string; drop?: number | null },
) => {
  const params = edit
    ? [
        `article=${q(edit.article)}`,
        edit.find ? `find=${q(edit.find)}` : '',
        edit.find ? `replace=${q(edit.replace ?? '')}` : '',
        edit.drop !== undefined && edit.drop !== null ? `drop=${edit.drop}` : '',
      ].filter(Boolean)
    : []
  return scoped(`/teach/${q(lesson)}/what-if${params.length ? `?${params.join('&')}` : ''}`)
}
export const spotUrl = (lesson: string, article?: string, kind?: string) => {
  const params = [article ? `article=${q(article)}` : '', kind ? `kind=${q(kind)}` : ''].filter(
    Boolean,
  )
  return scoped(`/teach/${q(lesson)}/spot${params.length ? `?${params.join('&')}` : ''}`)
}
/** The teaching stylesheet (views/teach.css, listed in views/assets.ts). */
export const TEACH_CSS = '/assets/teach.css'

/** The lesson builder; with `query` (the form's values), the file to download. */
export const makeLessonUrl = () => scoped('/teach/make')
export const lessonFileUrl = (query: string) => scoped(`/teach/make/lesson.json?${query}`)
/** Where the builder posts a lesson to save it with the collection. */
export const saveLessonUrl = () => scoped('/teach/make/save')
/** Where a saved lesson's delete button posts. */
export const deleteLessonUrl = (lesson: string) => scoped(`/teach/${q(lesson)}/delete`)
