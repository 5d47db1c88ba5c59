/**
 * The demo newsroom: sections, three journalists and an admin, and a few stories, the
 * sample article among them with its real structure. Written on the server into an empty
 * database only (a client never seeds content).
 */
import { readFileSync } from 'node:fs'
import { importPlainText, importedToContent, type DocNode, type StoryContent } from '@copydesk/shared/doc'
import type { Accounts } from '../auth/Accounts.js'
import type { Logger } from '../logger.js'
import type { SectionRecord, Storage, UserRecord } from '../storage/Storage.js'
import type { Stories } from '../stories/Stories.js'

export const DEMO_PASSWORD = 'copydesk-demo'

export const SEED_ARTICLE_FILE = new URL('../../fixtures/seed-article.txt', import.meta.url)

const SEED_BIO =
  "Passionné et dévoué, j'explore sans cesse les nouvelles frontières de l'information et de la technologie. Pour explorer les options de sponsoring, contactez-nous."

export const DEMO_ACCOUNTS = [
  { key: 'camille', email: 'camille@copydesk.test', displayName: 'Camille Laurent', role: 'reporter', bio: SEED_BIO },
  {
    key: 'hugo',
    email: 'hugo@copydesk.test',
    displayName: 'Hugo Bernard',
    role: 'reporter',
    bio: 'Hugo Bernard suit l’économie et l’agriculture pour la rédaction depuis 2019.',
  },
  {
    key: 'ines',
    email: 'ines@copydesk.test',
    displayName: 'Inès Moreau',
    role: 'editor',
    bio: 'Inès Moreau est cheffe d’édition du pôle Actualités.',
  },
  { key: 'admin', email: 'admin@copydesk.test', displayName: 'Administration', role: 'admin', bio: '' },
] as const

export const DEMO_SECTIONS: SectionRecord[] = [
  { id: 'actualites', name: 'Actualités', parentId: null, position: 0 },
  { id: 'international', name: 'International', parentId: 'actualites', position: 1 },
  { id: 'france', name: 'France', parentId: 'actualites', position: 2 },
  { id: 'economie', name: 'Économie', parentId: null, position: 3 },
  { id: 'culture', name: 'Culture', parentId: null, position: 4 },
  { id: 'sport', name: 'Sport', parentId: null, position: 5 },
]

const text = (value: string): DocNode => ({ type: 'text', text: value })
const paragraph = (value: string): DocNode => ({ type: 'paragraph', content: [text(value)] })
const subhead = (value: string): DocNode => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] })

/** Short stories of the demo desk, written for it. */
const DEMO_DRAFTS: { author: 'camille' | 'hugo'; sectionId: string; hoursAgo: number; content: StoryContent }[] = [
  {
    author: 'hugo',
    sectionId: 'economie',
    hoursAgo: 3,
    content: {
      headline: 'Le prix du blé au plus haut depuis deux ans',
      standfirst: [text('La sécheresse dans les grandes plaines et les tensions en mer Noire font grimper les cours. Les meuniers s’inquiètent pour la rentrée.')],
      body: [
        paragraph('Sur le marché à terme de Paris, la tonne de blé tendre a clôturé mardi à 268 euros, son plus haut niveau depuis l’automne 2022.'),
        paragraph('« Les stocks mondiaux n’ont jamais été aussi bas depuis dix ans », résume un courtier lyonnais, qui prévoit une volatilité forte jusqu’aux récoltes de l’hémisphère Sud.'),
        subhead('Les boulangers en première ligne'),
        paragraph('La farine représente près d’un quart du coût d’une baguette. La fédération de la boulangerie demande un geste sur les charges énergétiques.'),
      ],
    },
  },
  {
    author: 'camille',
    sectionId: 'culture',
    hoursAgo: 26,
    content: {
      headline: 'Avignon dévoile une programmation tournée vers la jeunesse',
      standfirst: [text('Quarante spectacles, dont la moitié signés par des metteurs en scène de moins de trente-cinq ans.')],
      body: [
        paragraph('Le festival ouvrira le 4 juillet dans la cour d’honneur du palais des Papes avec une création chorale réunissant des lycéens de la région.'),
        paragraph('La direction promet des tarifs réduits pour les moins de vingt-cinq ans et des représentations en plein air dans six communes du Vaucluse.'),
      ],
    },
  },
]

/** Whether the database holds nothing yet (the only time the demo is written). */
export async function isEmptyNewsroom(storage: Storage): Promise<boolean> {
  return (await storage.users.count()) === 0 && (await storage.stories.count()) === 0
}

export async function seedDemo(deps: { storage: Storage; accounts: Accounts; stories: Stories; logger: Logger }): Promise<void> {
  const { storage, accounts, stories, logger } = deps
  for (const section of DEMO_SECTIONS) await storage.sections.upsert(section)

  // One after the other, so that each gets a presence colour the others do not have.
  const users = new Map<string, UserRecord>()
  for (const account of DEMO_ACCOUNTS) {
    const user = await accounts.create({
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      password: DEMO_PASSWORD,
      bio: account.bio,
    })
    users.set(account.key, user)
  }

  const camille = users.get('camille')!
  const imported = importPlainText(readFileSync(SEED_ARTICLE_FILE, 'utf8'), {
    sections: DEMO_SECTIONS.filter((s) => s.parentId === 'actualites').map((s) => ['Actualités', s.name]),
  })
  const sectionId = DEMO_SECTIONS.find((s) => s.name === imported.sectionPath.at(-1))?.id ?? null
  await stories.create({
    content: importedToContent(imported),
    sectionId,
    byline: [{ userId: camille.id, name: camille.displayName, bio: imported.bio ?? camille.bio }],
    createdBy: camille,
    createdAt: new Date(Date.now() - 5 * 60 * 60 * 1000),
  })

  for (const draft of DEMO_DRAFTS) {
    const author = users.get(draft.author)!
    await stories.create({
      content: draft.content,
      sectionId: draft.sectionId,
      createdBy: author,
      createdAt: new Date(Date.now() - draft.hoursAgo * 60 * 60 * 1000),
    })
  }
  logger.info({ users: users.size, stories: DEMO_DRAFTS.length + 1 }, 'demo newsroom created')
}
