/**
 * The newsroom's sections (Actualités › International…): a small tree everyone reads and
 * admins manage. Here are the rules of the tree (an id is taken once, a parent exists, no
 * section inside itself) and how a section is presented (with its path of names). A change
 * is announced (`sectionsChanged`) so that what shows section names stops trusting what it
 * had. Not for which stories are in a section: that is a story's `sectionId`.
 */
import type { CreateSectionRequest, Section, UpdateSectionRequest } from '@copydesk/shared/api'
import { DomainError } from '../errors.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { SectionRecord, Storage } from '../storage/Storage.js'

export class Sections {
  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
  ) {}

  async list(): Promise<Section[]> {
    const records = await this.storage.sections.list()
    return records.map((record) => toSection(record, records))
  }

  async exists(id: string): Promise<boolean> {
    return (await this.storage.sections.list()).some((section) => section.id === id)
  }

  async create(request: CreateSectionRequest): Promise<Section> {
    const existing = await this.storage.sections.list()
    if (existing.some((section) => section.id === request.id)) throw new DomainError('conflict', `The section "${request.id}" exists already`)
    if (request.parentId && !existing.some((section) => section.id === request.parentId)) {
      throw new DomainError('invalid', `There is no section "${request.parentId}"`, 'parentId')
    }
    const record: SectionRecord = { id: request.id, name: request.name, parentId: request.parentId ?? null, position: existing.length }
    await this.storage.sections.upsert(record)
    this.events.emit('sectionsChanged')
    return toSection(record, [...existing, record])
  }

  async update(id: string, request: UpdateSectionRequest): Promise<Section> {
    const existing = await this.storage.sections.list()
    const section = existing.find((entry) => entry.id === id)
    if (!section) throw new DomainError('not_found', 'No such section')
    if (request.parentId) {
      // No cycles: the new parent may not be the section or one of its descendants.
      for (let cursor: string | null = request.parentId; cursor; cursor = existing.find((entry) => entry.id === cursor)?.parentId ?? null) {
        if (cursor === section.id) throw new DomainError('invalid', 'A section cannot be inside itself', 'parentId')
        if (!existing.some((entry) => entry.id === cursor)) throw new DomainError('invalid', `There is no section "${cursor}"`, 'parentId')
      }
    }
    const updated: SectionRecord = {
      ...section,
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.parentId !== undefined ? { parentId: request.parentId } : {}),
    }
    await this.storage.sections.upsert(updated)
    this.events.emit('sectionsChanged')
    return toSection(updated, existing.map((entry) => (entry.id === id ? updated : entry)))
  }

  /** A section still in use is storage's ConflictError (a 409 at the API). */
  async delete(id: string): Promise<void> {
    if (!(await this.storage.sections.delete(id))) throw new DomainError('not_found', 'No such section')
    this.events.emit('sectionsChanged')
  }
}

/** A section and the sections above it, outermost first ("Actualités", "International"). */
export function sectionTrail(record: SectionRecord, all: SectionRecord[]): SectionRecord[] {
  const trail: SectionRecord[] = []
  const seen = new Set<string>()
  for (let current: SectionRecord | undefined = record; current && !seen.has(current.id); ) {
    seen.add(current.id)
    trail.unshift(current)
    const parentId: string | null = current.parentId
    current = parentId ? all.find((section) => section.id === parentId) : undefined
  }
  return trail
}

export function toSection(record: SectionRecord, all: SectionRecord[]): Section {
  return { id: record.id, name: record.name, parentId: record.parentId, path: sectionTrail(record, all).map((section) => section.name) }
}
