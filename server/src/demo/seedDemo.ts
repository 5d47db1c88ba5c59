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
import type { Workflow } from '../workflow/Workflow.js'

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

type DemoStatus = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'spiked' | 'published'

interface DemoStory {
  author: 'camille' | 'hugo'
  sectionId: string
  hoursAgo: number
  status: DemoStatus
  /** Hours from now (negative: overdue). */
  deadlineIn?: number
  priority?: 'low' | 'normal' | 'high' | 'urgent'
  target?: { value: number; unit: 'words' | 'signs' }
  note?: string
  /** For a published story: a correction made after its first publication. */
  correction?: string
  tags?: string[]
  content: StoryContent
}

const quote = (words: string, attribution: string): DocNode => ({
  type: 'blockquote',
  content: [
    { type: 'paragraph', content: [text(words)] },
    { type: 'quoteAttribution', content: [text(attribution)] },
  ],
})
const bullets = (...items: string[]): DocNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) })

/** Short stories of the demo desk, written for it, in the states of a working day. */
const DEMO_STORIES: DemoStory[] = [
  {
    author: 'hugo',
    sectionId: 'france',
    hoursAgo: 9,
    status: 'published',
    tags: ['météo', 'canicule'],
    correction: 'Une version précédente de cet article indiquait onze départements en vigilance orange ; ils sont douze.',
    content: {
      headline: 'Canicule : douze départements placés en vigilance orange',
      standfirst: [text('Météo-France prévoit jusqu’à 39 °C dans la vallée du Rhône d’ici jeudi. Les préfectures restreignent les usages de l’eau.')],
      body: [
        paragraph('L’épisode de chaleur, qui a commencé dimanche dans le Sud-Ouest, s’étend désormais au Centre-Est. Les nuits resteront très chaudes, avec des minimales proches de 24 °C à Lyon.'),
        subhead('Des mesures dès mercredi'),
        paragraph('Plusieurs préfectures ont annoncé des restrictions :'),
        bullets('interdiction d’arroser les jardins entre 8 h et 20 h ;', 'horaires aménagés sur les chantiers ;', 'ouverture prolongée des piscines municipales.'),
        quote('Nous demandons à chacun de prendre des nouvelles des personnes âgées et isolées.', 'La préfète du Rhône'),
        paragraph('Les services d’urgence rappellent les gestes simples : boire régulièrement, fermer les volets en journée et éviter les efforts aux heures les plus chaudes.'),
      ],
    },
  },
  {
    author: 'camille',
    sectionId: 'culture',
    hoursAgo: 20,
    status: 'published',
    tags: ['musées'],
    content: {
      headline: 'Le Louvre prolonge ses nocturnes jusqu’à la fin de l’été',
      standfirst: [text('Le musée ouvrira ses portes jusqu’à 21 h 45 trois soirs par semaine, une première depuis la réouverture de 2021.')],
      body: [
        paragraph('Face à l’affluence record du printemps, la direction a choisi d’étaler les visites plutôt que d’augmenter les jauges.'),
        quote('Nous voulons que l’on puisse encore voir La Joconde sans jouer des coudes.', 'La présidente-directrice du musée'),
        paragraph('Les billets des nocturnes seront vendus exclusivement en ligne, par créneaux d’une demi-heure.'),
      ],
    },
  },
  {
    author: 'hugo',
    sectionId: 'economie',
    hoursAgo: 3,
    status: 'draft',
    deadlineIn: 3,
    target: { value: 3500, unit: 'signs' },
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
    status: 'approved',
    deadlineIn: -2,
    target: { value: 400, unit: 'words' },
    content: {
      headline: 'Avignon dévoile une programmation tournée vers la jeunesse',
      standfirst: [text('Quarante spectacles, dont la moitié signés par des metteurs en scène de moins de trente-cinq ans.')],
      body: [
        paragraph('Le festival ouvrira le 4 juillet dans la cour d’honneur du palais des Papes avec une création chorale réunissant des lycéens de la région.'),
        paragraph('La direction promet des tarifs réduits pour les moins de vingt-cinq ans et des représentations en plein air dans six communes du Vaucluse.'),
      ],
    },
  },
  {
    author: 'hugo',
    sectionId: 'france',
    hoursAgo: 1,
    status: 'submitted',
    deadlineIn: 1,
    priority: 'urgent',
    target: { value: 300, unit: 'words' },
    content: {
      headline: 'Grève SNCF : un TGV sur deux jeudi, le trafic Intercités très perturbé',
      standfirst: [text('Les syndicats maintiennent leur appel malgré la réunion de la dernière chance au ministère des Transports.')],
      body: [
        paragraph('La direction de la SNCF prévoit un TGV sur deux sur les axes Atlantique et Sud-Est, et deux trains sur cinq sur les lignes Intercités.'),
        paragraph('« Nous n’avons reçu aucune proposition sur les salaires », a déclaré mercredi soir le secrétaire fédéral de SUD-Rail.'),
      ],
    },
  },
  {
    author: 'camille',
    sectionId: 'sport',
    hoursAgo: 30,
    status: 'scheduled',
    target: { value: 500, unit: 'words' },
    content: {
      headline: 'Tour de France 2027 : un départ de Barcelone et trois arrivées au sommet',
      standfirst: [text('Le parcours sera présenté officiellement jeudi : la rédaction en connaît déjà les grandes lignes.')],
      body: [paragraph('Vingt et une étapes, deux contre-la-montre et un final inédit sur les Champs-Élysées : la Grande Boucle change de visage.')],
    },
  },
  {
    author: 'hugo',
    sectionId: 'economie',
    hoursAgo: 50,
    status: 'spiked',
    note: 'Doublon de la dépêche de 11 h, on abandonne.',
    content: {
      headline: 'Le FMI relève sa prévision de croissance pour la zone euro',
      standfirst: [text('+1,4 % attendu en 2027, contre +1,1 % en avril.')],
      body: [paragraph('Le Fonds monétaire international table désormais sur une reprise plus nette de la consommation des ménages.')],
    },
  },
]

/** Whether the database holds nothing yet (the only time the demo is written). */
export async function isEmptyNewsroom(storage: Storage): Promise<boolean> {
  return (await storage.users.count()) === 0 && (await storage.stories.count()) === 0
}

export interface SeedDeps {
  storage: Storage
  accounts: Accounts
  stories: Stories
  workflow: Workflow
  logger: Logger
}

export async function seedDemo(deps: SeedDeps): Promise<void> {
  const { storage, accounts, stories, workflow, logger } = deps
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
  const ines = users.get('ines')!
  const hours = (n: number) => new Date(Date.now() + n * 60 * 60 * 1000)
  const imported = importPlainText(readFileSync(SEED_ARTICLE_FILE, 'utf8'), {
    sections: DEMO_SECTIONS.filter((s) => s.parentId === 'actualites').map((s) => ['Actualités', s.name]),
  })
  const sectionId = DEMO_SECTIONS.find((s) => s.name === imported.sectionPath.at(-1))?.id ?? null
  const { record: seed } = await stories.create({
    content: importedToContent(imported),
    sectionId,
    byline: [{ userId: camille.id, name: camille.displayName, bio: imported.bio ?? camille.bio }],
    createdBy: camille,
    deadline: hours(4).toISOString(),
    priority: 'high',
    lengthTarget: { value: 700, unit: 'words' },
    createdAt: hours(-5),
  })
  // The sample story has been filed to the desk by its reporter.
  await workflow.apply(seed, 'submitted', { actor: camille, note: null, publishAt: null })

  for (const demo of DEMO_STORIES) {
    const author = users.get(demo.author)!
    let { record: story } = await stories.create({
      content: demo.content,
      sectionId: demo.sectionId,
      createdBy: author,
      createdAt: hours(-demo.hoursAgo),
      ...(demo.deadlineIn !== undefined ? { deadline: hours(demo.deadlineIn).toISOString() } : {}),
      ...(demo.priority ? { priority: demo.priority } : {}),
      ...(demo.target ? { lengthTarget: demo.target } : {}),
    })
    if (demo.tags) story = (await stories.update(ines, story.id, { tags: demo.tags })).record
    // Walk each story through the real workflow, so its history reads like a day's work.
    const path: Record<DemoStatus, DemoStatus[]> = {
      draft: [],
      submitted: ['submitted'],
      approved: ['submitted', 'approved'],
      scheduled: ['submitted', 'approved', 'scheduled'],
      spiked: ['spiked'],
      published: ['submitted', 'approved', 'published'],
    }
    for (const to of path[demo.status]) {
      const actor = to === 'submitted' ? author : ines
      const publishAt = to === 'scheduled' ? hours(18).toISOString() : null
      story = (await workflow.apply(story, to, { actor, note: to === 'spiked' ? (demo.note ?? null) : null, publishAt })).record
    }
    if (demo.correction) {
      await workflow.apply(story, 'published', { actor: ines, note: demo.correction, publishAt: null, revision: 'correction' })
    }
  }
  logger.info({ users: users.size, stories: DEMO_STORIES.length + 1 }, 'demo newsroom created')
}
