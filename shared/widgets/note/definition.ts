import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';

/**
 * A text note: a safe subset of Markdown (headings, paragraphs, bold, italic, lists, line
 * breaks; see shared/markdown.ts), never HTML.
 */
export const NOTE_MAX_CHARS = 4000;

export const noteOptionsSchema = z
  .object({
    text: option(z.string().max(NOTE_MAX_CHARS).default(''), {
      label: { vi: 'Nội dung', en: 'Text' },
      help: { vi: 'Markdown rút gọn: tiêu đề #, đậm, nghiêng, danh sách; mỗi lần xuống dòng được giữ', en: 'A Markdown subset: # headings, bold, italic, lists; each line break is kept' },
    }),
    align: option(z.enum(['start', 'center']).default('start'), {
      label: { vi: 'Căn lề', en: 'Alignment' },
      choices: { start: { vi: 'Trái', en: 'Start' }, center: { vi: 'Giữa', en: 'Centre' } },
    }),
  })
  .strict();
export type NoteOptions = z.infer<typeof noteOptionsSchema>;

export const noteSpec = defineWidgetSpec({
  id: 'note',
  name: { vi: 'Ghi chú', en: 'Note' },
  description: { vi: 'Văn bản Markdown rút gọn, không bao giờ là HTML', en: 'Text in a safe Markdown subset, never HTML' },
  optionsSchema: noteOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'none',
  // body 9cqh, shrunk to fit down to 7.2cqh (note.css)
  legibility: { smallestTextFraction: 0.072 },
});
