/** Everyone in the story, as avatars; each says which field its person is in. */
import { useTranslation } from 'react-i18next'
import type { StoryField } from '@copydesk/shared/schema'
import type { Awareness } from 'y-protocols/awareness'
import { key } from '../i18n/labels.js'
import { Avatar } from './Avatar.js'
import { usePresence } from './usePresence.js'

const FIELD_KEYS: Record<StoryField, string> = { headline: key('presence.field.headline'), standfirst: key('presence.field.standfirst'), body: key('presence.field.body') }

export function AvatarRow({ awareness, selfUserId }: { awareness: Awareness; selfUserId: string }) {
  const { t } = useTranslation()
  const people = usePresence(awareness, selfUserId)
  return (
    <ul className="avatar-row" aria-label={t('presence.people')}>
      {people.map((person) => {
        const field = person.field ? t(FIELD_KEYS[person.field]) : null
        const label = field
          ? t(person.isSelf ? 'presence.inFieldSelf' : 'presence.inField', { name: person.name, field })
          : t(person.isSelf ? 'presence.readingSelf' : 'presence.reading', { name: person.name })
        return (
          <li key={person.userId} className="avatar-row__person" data-user={person.name} data-field={person.field ?? ''}>
            <Avatar name={person.name} color={person.color} title={label} />
            <span className="avatar-row__field" aria-hidden="true">
              {field ?? ''}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
