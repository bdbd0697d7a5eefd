import { useMemo } from 'react';
import { messages } from '../../../shared/i18n';
import { parseMarkdown } from '../../../shared/markdown';
import { FitText } from '../common/FitText';
import { TileMessage } from '../common/TileMessage';
import type { WidgetProps } from '../common/types';
import { Markdown } from './Markdown';
import './note.css';

/**
 * A note in the safe Markdown subset: headings, paragraphs, bold, italic, lists, line
 * breaks. Text starts at 9cqh and shrinks to fit the tile, down to 7.2cqh; a note longer
 * than that is cut at the bottom (with a fade) rather than made illegible.
 */
export function NoteTile({ tile }: WidgetProps<'note'>) {
  const { text, align } = tile.options;
  const doc = useMemo(() => parseMarkdown(text), [text]);
  if (doc.children.length === 0 && !tile.title) return <TileMessage kind="no-data" text={messages.noteEmpty} />;
  return (
    <div className={`board-note board-note--${align}`} data-blocks={doc.children.length}>
      {tile.title ? (
        <div className="bn-title" data-field="title">
          {tile.title.vi}
        </div>
      ) : null}
      <FitText className="bn-body" data-field="note" minScale={0.8}>
        <Markdown doc={doc} />
      </FitText>
    </div>
  );
}
