/** The story page's switch between writing and seeing who wrote what. */
import { useTranslation } from 'react-i18next'
import './authors.css'

export function AuthorsToggle({ pressed, onToggle }: { pressed: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="button button--quiet authors-toggle" aria-pressed={pressed} onClick={onToggle} data-testid="authors-toggle">
      {t('authors.toggle')}
    </button>
  )
}
