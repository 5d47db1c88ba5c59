/**
 * A story's publications, beside its text: where readers find it, every version that went
 * out (first publication, updates, corrections, with who and when), and downloads of any
 * version, or of the working copy, as HTML, Markdown or ninjs; and what the working copy has
 * that readers do not have yet.
 */
import { useEffect, useState } from 'react'
import type { PublishedVersion, Story } from '@copydesk/shared/api'
import { api, exportUrl } from '../api/endpoints.js'
import { timeAgo } from '../app/format.js'
import { unpublishedChangesFacts } from '../board/storyFacts.js'

const KIND_LABELS: Record<PublishedVersion['kind'], string> = { first: 'First publication', update: 'Update', correction: 'Correction' }
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
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null)
  const changes = unpublishedChangesFacts(story)
  useEffect(() => {
    api.versions(story.id).then(({ versions }) => setVersions(versions), () => setVersions([]))
  }, [story.id, story.status, story.updatedAt])

  return (
    <section className="details__publishing" aria-label="Publications">
      <h2 className="details__title">Publications</h2>
      {story.publicUrl && (
        <p className="publishing__url">
          {story.status === 'published' ? (
            <a href={story.publicUrl} target="_blank" rel="noopener">
              {story.publicUrl.replace(/^https?:\/\//, '')}
            </a>
          ) : (
            <span className="muted">{story.publicUrl.replace(/^https?:\/\//, '')} (taken down)</span>
          )}
        </p>
      )}
      {versions && versions.length === 0 && <p className="muted">Not published yet.</p>}
      {versions && versions.length > 0 && (
        <ol className="versions">
          {versions.map((version) => (
            <li key={version.version} className="versions__item">
              <span className="versions__what">
                v{version.version} · {KIND_LABELS[version.kind]}
              </span>
              {version.note && <span className="history__note">“{version.note}”</span>}
              <span className="history__when">
                {version.publishedBy?.name ?? 'Publishing job'} · {timeAgo(version.publishedAt)}
              </span>
              <Downloads story={story} version={version.version} label={`Download version ${version.version}`} />
            </li>
          ))}
        </ol>
      )}
      <p className="versions__draft">
        <span className="muted">Working copy</span> <Downloads story={story} version="draft" label="Download the working copy" />
      </p>
      {changes && <p className="versions__changes">{changes.detail}</p>}
    </section>
  )
}
