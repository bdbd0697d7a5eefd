import type { Bilingual } from '../../../shared/i18n';

/** A short message centred in a tile: Vietnamese first, English smaller beneath. */
export function TileMessage({ text, kind, detail }: { text: Bilingual; kind: 'no-data' | 'error' | 'placeholder'; detail?: string }) {
  return (
    <div className={`tile-message tile-message--${kind}`} data-field="message" role={kind === 'error' ? 'alert' : undefined}>
      <div className="tile-message__vi">{text.vi}</div>
      <div className="tile-message__en" lang="en">
        {text.en}
      </div>
      {detail ? <div className="tile-message__detail">{detail}</div> : null}
    </div>
  );
}
