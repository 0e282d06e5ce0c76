/** Lessons as data files: the three shipped lessons parse, and a bad file is refused by name and field. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons, parseLesson, lessonsFor, readLessons } from '../../src/teach/lessons.js'

const good = {
  id: 'x-lesson',
  title: 'X',
  goal: 'Learn X.',
  intro: ['Plain words.'],
  articles: ['crab-dumplings'],
  actors: ['russia'],
  questions: ['Why?'],
}

describe('lessons', () => {
  it('ships four lessons on the bundled corpus', () => {
    const lessons = loadLessons()
    expect(lessons.map((l) => l.id)).toEqual([
      'harshest-first',
      'loaded-words',
      'who-is-the-villain',
      'whose-voice',
    ])
    expect(lessons[0]!.rank).toEqual({ actor: 'russia' })
    expect(lessons[0]!.actors).toEqual([])
    const villain = lessons.find((l) => l.id === 'who-is-the-villain')!
    expect(villain.title).toBe('Who is the villain?')
    expect(villain.articles).toEqual(['putin-in-pyongyang', 'vlad-kim-deal'])
    for (const l of lessons) {
      expect(l.intro.length).toBeGreaterThan(0)
      expect(l.questions.length).toBeGreaterThan(0)
    }
  })

  it('refuses a bad file with a message naming the file and the field', () => {
    expect(() => parseLesson('x-lesson.json', JSON.stringify({ ...good, questions: [] }))).toThrow(
      /^x-lesson\.json: questions: needs at least one question$/,
    )
    expect(() =>
      parseLesson('x-lesson.json', JSON.stringify({ ...good, articles: ['Bad Id'] })),
    ).toThrow(/^x-lesson\.json: articles\.0: must be an article id$/)
    expect(() => parseLesson('x-lesson.json', JSON.stringify({ ...good, extra: 1 }))).toThrow(
      /^x-lesson\.json: \(the file\): .*extra/,
    )
    expect(() => parseLesson('x-lesson.json', '{')).toThrow(/^x-lesson\.json: not valid JSON/)
    expect(() => parseLesson('other.json', JSON.stringify(good))).toThrow(
      /^other\.json: id: is "x-lesson" but the file is named "other\.json"$/,
    )
  })

  it('loadLessons names the bad file of a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'))
    writeFileSync(join(dir, 'x-lesson.json'), JSON.stringify(good))
    writeFileSync(
      join(dir, 'y-lesson.json'),
      JSON.stringify({ ...good, id: 'y-lesson', title: '' }),
    )
    expect(() => loadLessons(dir)).toThrow(/^y-lesson\.json: title: must not be empty$/)
  })

  it('offers only the lessons whose articles and actors a collection has', () => {
    const lessons = loadLessons()
    const kept = lessonsFor(lessons, {
      article: (id) => id !== 'vlad-kim-deal',
      actor: () => true,
    })
    expect(kept.map((l) => l.id)).toEqual(['loaded-words', 'whose-voice'])
    // A ranking needs its actor too.
    const noWest = lessonsFor(lessons, { article: () => true, actor: (id) => id !== 'russia' })
    expect(noWest.map((l) => l.id)).toEqual([])
    const ranked = lessonsFor(lessons, { article: () => true, actor: (id) => id === 'russia' })
    expect(ranked.map((l) => l.id)).toEqual(['harshest-first'])
  })

  it('a ranking question: two to five articles, an actor not also predicted per article', () => {
    const rank = { ...good, actors: [], rank: { actor: 'russia' } }
    const five = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5']
    expect(
      parseLesson('x-lesson.json', JSON.stringify({ ...rank, articles: five })).articles,
    ).toEqual(five)
    expect(() => parseLesson('x-lesson.json', JSON.stringify(rank))).toThrow(
      /^x-lesson\.json: rank: a ranking needs at least 2 articles$/,
    )
    expect(() =>
      parseLesson('x-lesson.json', JSON.stringify({ ...good, articles: five.slice(0, 4) })),
    ).toThrow(/^x-lesson\.json: articles: at most 3 articles \(up to 5 with a ranking question\)$/)
    expect(() =>
      parseLesson(
        'x-lesson.json',
        JSON.stringify({ ...rank, articles: ['a-1', 'a-2'], actors: ['russia'] }),
      ),
    ).toThrow(/^x-lesson\.json: rank\.actor: must not be one of actors: revealing the per-actor/)
    expect(() =>
      parseLesson('x-lesson.json', JSON.stringify({ ...rank, articles: ['a-1', 'a-1'] })),
    ).toThrow(/^x-lesson\.json: articles\.1: "a-1" is listed twice$/)
    expect(() => parseLesson('x-lesson.json', JSON.stringify({ ...good, actors: [] }))).toThrow(
      /^x-lesson\.json: actors: needs at least one actor to predict, or a ranking question \(rank\)$/,
    )
  })
})

describe('a bad lesson file on /teach', () => {
  it('is listed with its reason, and the good lessons are still served', async () => {
    const { bundledStore, teachApp } = await import('./app.js')
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'))
    writeFileSync(join(dir, 'x-lesson.json'), JSON.stringify(good))
    writeFileSync(join(dir, 'y-lesson.json'), JSON.stringify({ ...good, id: 'y-lesson', goal: 3 }))
    const shelf = readLessons(dir)
    expect(shelf.lessons.map((l) => l.id)).toEqual(['x-lesson'])
    expect(shelf.refused).toEqual([
      'y-lesson.json: goal: Invalid input: expected string, received number',
    ])
    const app = teachApp(await bundledStore(), shelf)
    const res = await app.request('/teach')
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('<strong>1 lesson file was not loaded</strong>')
    expect(body).toContain(
      '<code>y-lesson.json: goal: Invalid input: expected string, received number</code>',
    )
    expect(body).toContain('href="/teach/x-lesson"')
    expect(readLessons(join(dir, 'missing'))).toEqual({ lessons: [], refused: [] })
  })
})
