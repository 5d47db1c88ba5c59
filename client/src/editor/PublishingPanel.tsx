/**
 * A story's publications, beside its text: where readers find it, every version that went
 * out (first publication, updates, corrections, with who and when), and downloads of any
 * version, or of the working copy, as HTML, Markdown or ninjs; and what the working copy has
 * that readers do not have yet.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { key } from '../i18n/labels.js'
import type { PublishedVersion, Story } from '@copydesk/shared/api'
import { api, exportUrl } from '../api/endpoints.js'
import { timeAgo } from '../app/format.js'
import { unpublishedChangesFacts } from '../board/storyFacts.js'

const KIND_KEYS: Record<PublishedVersion['kind'], string> = { first: key('publishing.kind.first'), update: key('publishing.kind.update'), correction: key('publishing.kind.correction') }
const FORMATS = [
  { format: 'html', label: 'HTML' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'ninjs', label: 'ninjs' },
] as const

function Downloads({ story, version, label }: { story: Story; version: number | 'draft'; label: string }) {
  return (
    <span className="downloads" role="group" aria-label={label}>
      {FORMATS.map(({ format, label: name }) => (
        <a key={format} className="downloads__link" href={exportUrl(story.id, format, version)} download>
          {name}
        </a>
      ))}
    </span>
  )
}

export function PublishingPanel({ story }: { story: Story }) {
  const { t } = useTranslation()
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null)
  const changes = unpublishedChangesFacts(t, story)
  useEffect(() => {
    api.versions(story.id).then(({ versions }) => setVersions(versions), () => setVersions([]))
  }, [story.id, story.status, story.updatedAt])

  return (
    <section className="details__publishing" aria-label={t('publishing.label')}>
      <h2 className="details__title">{t('publishing.label')}</h2>
      {story.publicUrl && (
        <p className="publishing__url">
          {story.status === 'published' ? (
            <a href={story.publicUrl} target="_blank" rel="noopener">
              {story.publicUrl.replace(/^https?:\/\//, '')}
            </a>
          ) : (
            <span className="muted">{t('publishing.takenDown', { address: story.publicUrl.replace(/^https?:\/\//, '') })}</span>
          )}
        </p>
      )}
      {versions && versions.length === 0 && <p className="muted">{t('publishing.notYet')}</p>}
      {versions && versions.length > 0 && (
        <ol className="versions">
          {versions.map((version) => (
            <li key={version.version} className="versions__item">
              <span className="versions__what">
                {t('publishing.version', { version: version.version, kind: t(KIND_KEYS[version.kind]) })}
              </span>
              {version.note && <span className="history__note">{t('notifications.quoted', { note: version.note })}</span>}
              <span className="history__when">
                {t('details.when', { who: version.publishedBy?.name ?? t('publishing.job'), when: timeAgo(version.publishedAt) })}
              </span>
              <Downloads story={story} version={version.version} label={t('publishing.download', { version: version.version })} />
            </li>
          ))}
        </ol>
      )}
      <p className="versions__draft">
        <span className="muted">{t('publishing.workingCopy')}</span> <Downloads story={story} version="draft" label={t('publishing.downloadWorkingCopy')} />
      </p>
      {changes && <p className="versions__changes">{changes.detail}</p>}
    </section>
  )
}
