/** The list of keyboard shortcuts (Ctrl+/, or `?` outside a text field, or the toolbar's button). */
import { useTranslation } from 'react-i18next'
import { Dialog } from '../app/Dialog.js'
import { SHORTCUTS, shortcutLabel, type ShortcutName } from './shortcuts.js'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const names = Object.keys(SHORTCUTS) as ShortcutName[]
  return (
    <Dialog title={t('editor.shortcuts.shortcuts')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {names.map((name) => {
            const shortcut: { action: string; where?: string } = SHORTCUTS[name]
            return (
              <tr key={name} data-shortcut={name}>
                <th scope="row" className="shortcuts__action">
                  {t(shortcut.action)}
                  {shortcut.where && <span className="shortcuts__where"> ({t(shortcut.where)})</span>}
                </th>
                <td className="shortcuts__keys">
                  <kbd>{shortcutLabel(name)}</kbd>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  )
}
