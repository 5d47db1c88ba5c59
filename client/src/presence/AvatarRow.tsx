/** Everyone in the story, as avatars; each says which field its person is in. */
import type { StoryField } from '@copydesk/shared/schema'
import type { Awareness } from 'y-protocols/awareness'
import { Avatar } from './Avatar.js'
import { usePresence } from './usePresence.js'

export const FIELD_NAMES: Record<StoryField, string> = { headline: 'headline', standfirst: 'standfirst', body: 'body' }

export function AvatarRow({ awareness, selfUserId }: { awareness: Awareness; selfUserId: string }) {
  const people = usePresence(awareness, selfUserId)
  return (
    <ul className="avatar-row" aria-label="People in this story">
      {people.map((person) => {
        const where = person.field ? `in the ${FIELD_NAMES[person.field]}` : 'reading'
        const label = `${person.name}${person.isSelf ? ' (you)' : ''}, ${where}`
        return (
          <li key={person.userId} className="avatar-row__person" data-user={person.name} data-field={person.field ?? ''}>
            <Avatar name={person.name} color={person.color} title={label} />
            <span className="avatar-row__field" aria-hidden="true">
              {person.field ? FIELD_NAMES[person.field] : ''}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
