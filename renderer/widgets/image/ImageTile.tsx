import { useState } from 'react';
import { messages } from '../../../shared/i18n';
import { mediaUrl } from '../../../shared/widgets/image/definition';
import { TileMessage } from '../common/TileMessage';
import type { WidgetProps } from '../common/types';
import './image.css';

/**
 * A picture bundled with the renderer (renderer/public/media → /media/…), contained or
 * covering, with an optional caption. The path is checked again here (the layout schema
 * already refused anything outside media/): the wall never asks for a remote image.
 */
export function ImageTile({ tile }: WidgetProps<'image'>) {
  const { src, fit, caption } = tile.options;
  const url = mediaUrl(src);
  const [failed, setFailed] = useState<string | null>(null);
  if (!url) return <TileMessage kind="error" text={messages.imageUnavailable} detail={src} />;
  if (failed === url) return <TileMessage kind="no-data" text={messages.imageUnavailable} detail={src} />;
  const alt = caption?.vi ?? tile.title?.vi ?? '';
  return (
    <figure className={`board-image board-image--${fit}${caption ? ' board-image--captioned' : ''}`} data-fit={fit}>
      <div className="bi-frame">
        <img className="bi-img" src={url} alt={alt} decoding="async" draggable={false} data-field="image" onError={() => setFailed(url)} />
      </div>
      {caption ? (
        <figcaption className="bi-caption" data-field="caption">
          <span className="bi-caption__vi">{caption.vi}</span>
          {caption.en ? (
            <span className="bi-caption__en" lang="en">
              {caption.en}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
