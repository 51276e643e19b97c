import { relative } from 'node:path'
import { importModule } from '../core/import-module.js'
import { initProject, isLocale } from '../init/init.js'
import { DEFAULT_LOCALE, PLACEHOLDER_EMAIL } from '../init/starter.js'
import { EXIT_CODES, SIGNAL_EXIT_CODES } from './exit-codes.js'
import type { Io } from './io.js'

export interface InitFlags {
  name?: string
  email?: string
  locale?: string
  force?: boolean
  ci?: boolean
  letter?: string
}

/** The questions a terminal user is asked for what the flags left out; at most three. */
export interface Prompter {
  ask(question: string): Promise<string>
  close(): void
}

/** Ctrl-C at a question: nothing is written, and the exit is 130 like any interrupted command. */
export class Interrupted extends Error {}

/**
 * A prompter on the terminal, or none when stdin is not one (CI, a pipe): placeholders then.
 * Lines are queued rather than taken by `question()`, which drops lines pasted ahead of it; the end
 * of input (Ctrl-D) answers every remaining question with its default.
 */
export async function terminalPrompter(): Promise<Prompter | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined
  const { createInterface } = await importModule<typeof import('node:readline')>('node:readline')
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const lines: string[] = []
  let waiting: { resolve(line: string): void; reject(error: Error): void } | undefined
  let ended = false
  rl.on('line', (line) => {
    if (!waiting) return void lines.push(line)
    waiting.resolve(line)
    waiting = undefined
  })
  rl.on('close', () => {
    ended = true
    waiting?.resolve('')
    waiting = undefined
  })
  rl.on('SIGINT', () => {
    waiting?.reject(new Interrupted('interrupted'))
    waiting = undefined
    rl.close()
  })
  return {
    ask(question) {
      const queued = lines.shift()
      if (queued !== undefined || ended) return Promise.resolve(queued ?? '')
      process.stdout.write(question)
      return new Promise((resolve, reject) => (waiting = { resolve, reject }))
    },
    close: () => rl.close(),
  }
}

export async function runInit(file: string, flags: InitFlags, io: Io, prompter?: Prompter): Promise<number> {
  if (flags.letter !== undefined) {
    const { initLetter } = await import('../init/letter.js')
    const path = await initLetter({ resumeFile: file, name: flags.letter, force: flags.force })
    io.out(`wrote ${display(path)}`)
    io.out(`next: edit it, then npx resume dev ${display(file)} --letter ${flags.letter}`)
    return EXIT_CODES.ok
  }
  const values = { name: flags.name, email: flags.email, locale: flags.locale }
  const asking = prompter ?? (values.name === undefined || values.email === undefined || values.locale === undefined ? await terminalPrompter() : undefined)
  if (asking) {
    try {
      values.name ??= (await asking.ask('Your name: ')).trim() || undefined
      if (values.email === undefined) {
        const email = (await asking.ask('Email: ')).trim()
        // A typo here is not worth a failed init: the placeholder stands, and the user edits it.
        if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) io.err(`"${email}" is not an email address; using ${PLACEHOLDER_EMAIL}`)
        else values.email = email || undefined
      }
      if (values.locale === undefined) {
        const guess = systemLocale()
        const locale = (await asking.ask(`Locale for dates [${guess}]: `)).trim() || guess
        if (!isLocale(locale)) io.err(`"${locale}" is not a locale; using ${DEFAULT_LOCALE}`)
        else values.locale = locale
      }
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error
      io.err('')
      return SIGNAL_EXIT_CODES.SIGINT
    } finally {
      asking.close()
    }
  }
  const { written } = await initProject({ file, ...values, force: flags.force, ci: flags.ci })
  for (const path of written) io.out(`wrote ${display(path)}`)
  io.out(`next: npx resume dev ${display(written[0]!)}   (a live preview), or npx resume build`)
  return EXIT_CODES.ok
}

function systemLocale(): string {
  const locale = new Intl.DateTimeFormat().resolvedOptions().locale
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

const display = (path: string): string => {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel : path
}
