import type { Bilingual } from '../../../shared/i18n';
import type { EditorLang } from './types';
import type { Notice } from './editor-state';

/** The editor's own words, Vietnamese first; widget and option names come from their definitions. */
export const t = {
  editor: { vi: 'Trình chỉnh sửa bố cục', en: 'Layout editor' },
  canvas: { vi: 'Mặt tường: mũi tên di chuyển ô, Shift + mũi tên đổi kích thước, Delete xoá, Tab sang ô kế tiếp, Enter mở thuộc tính', en: 'The wall: arrows move a tile, Shift+arrows resize it, Delete removes it, Tab goes to the next tile, Enter opens its properties' },
  palette: { vi: 'Thêm ô hiển thị', en: 'Add a tile' },
  add: { vi: 'Thêm', en: 'Add' },
  noRoom: { vi: 'Không còn chỗ trống đủ lớn cho ô này', en: 'No free space large enough for this tile' },
  properties: { vi: 'Thuộc tính', en: 'Properties' },
  nothingSelected: { vi: 'Chọn một ô trên tường để sửa thuộc tính', en: 'Select a tile on the wall to edit its properties' },
  tileTitle: { vi: 'Tiêu đề ô', en: 'Tile title' },
  vietnamese: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  english: { vi: 'Tiếng Anh', en: 'English' },
  position: { vi: 'Vị trí và kích thước (ô lưới)', en: 'Position and size (grid cells)' },
  column: { vi: 'Cột', en: 'Column' },
  row: { vi: 'Hàng', en: 'Row' },
  width: { vi: 'Rộng', en: 'Width' },
  height: { vi: 'Cao', en: 'Height' },
  options: { vi: 'Tuỳ chọn', en: 'Options' },
  unset: { vi: '(để trống)', en: '(empty)' },
  addItem: { vi: 'Thêm mục', en: 'Add an item' },
  removeItem: { vi: 'Xoá mục', en: 'Remove the item' },
  item: { vi: 'Mục', en: 'Item' },
  removeTile: { vi: 'Xoá ô', en: 'Remove the tile' },
  undo: { vi: 'Hoàn tác (Ctrl+Z)', en: 'Undo (Ctrl+Z)' },
  redo: { vi: 'Làm lại (Ctrl+Y)', en: 'Redo (Ctrl+Y)' },
  binding: { vi: 'Dữ liệu hiển thị', en: 'Data' },
  indicators: { vi: 'Chỉ tiêu', en: 'Indicators' },
  searchIndicators: { vi: 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)', en: 'Search indicators by code or name (with or without diacritics)' },
  noMatch: { vi: 'Không tìm thấy chỉ tiêu nào', en: 'No indicator found' },
  loadingCatalogue: { vi: 'Đang tải danh mục chỉ tiêu…', en: 'Loading the indicators…' },
  catalogueFailed: { vi: 'Không tải được danh mục chỉ tiêu', en: 'Could not load the indicators' },
  otherField: { vi: 'Lĩnh vực khác', en: 'Other field' },
  region: { vi: 'Địa bàn', en: 'Region' },
  national: { vi: 'Toàn quốc', en: 'Whole country' },
  latest: { vi: 'Số liệu mới nhất', en: 'Latest figure' },
  noData: { vi: 'chưa có số liệu', en: 'no data' },
  readingLatest: { vi: 'đang đọc…', en: 'reading…' },
  latestFailed: { vi: 'Không đọc được số liệu mới nhất từ máy chủ; chỉ hiện số liệu của luồng trực tiếp', en: 'Could not read the latest figures from the server; only the live feed’s are shown' },
  chosen: { vi: 'đang chọn', en: 'chosen' },
  removeIndicator: { vi: 'Bỏ chỉ tiêu', en: 'Remove the indicator' },
  noBinding: { vi: 'Ô này không hiển thị chỉ tiêu', en: 'This tile shows no indicator' },
  warnings: { vi: 'Cảnh báo trước khi phát lên tường', en: 'Warnings before publishing' },
  noWarnings: { vi: 'Không có cảnh báo', en: 'No warnings' },
  errorsBlock: { vi: 'lỗi: chưa thể phát lên tường', en: 'errors: cannot publish yet' },
  tile: { vi: 'Ô', en: 'Tile' },
  resize: { vi: 'Kéo để đổi kích thước', en: 'Drag to resize' },
} as const satisfies Record<string, Bilingual>;

export const say = (text: Bilingual, lang: EditorLang): string => (lang === 'en' ? text.en : text.vi);

/** The layout schema speaks English; the commonest refusals get their Vietnamese, the rest a Vietnamese lead. */
export function schemaMessage(message: string): { message_vi: string; message_en: string } {
  const overlap = /^tile "(.+)" overlaps tile "(.+?)"/.exec(message);
  if (overlap) return { message_vi: `Ô «${overlap[1]}» chồng lên ô «${overlap[2]}»`, message_en: message };
  const binding = /^widget "(.+)" needs a binding/.exec(message);
  if (binding) return { message_vi: 'Ô này cần chọn một chỉ tiêu để hiển thị', message_en: message };
  if (/shows exactly one indicator/.test(message)) return { message_vi: 'Ô này chỉ hiển thị đúng một chỉ tiêu', message_en: message };
  if (/past the grid/.test(message)) return { message_vi: 'Ô vượt ra ngoài lưới của bố cục', message_en: message };
  return { message_vi: `Không hợp lệ: ${message}`, message_en: message };
}

/** What the last command did, for the status line and screen readers. */
export function noticeText(notice: Notice, lang: EditorLang): string {
  const vi = lang !== 'en';
  switch (notice.kind) {
    case 'moved':
      return vi ? `Đã di chuyển ô «${notice.tileId}»` : `Moved tile "${notice.tileId}"`;
    case 'resized':
      return vi ? `Đã đổi kích thước ô «${notice.tileId}»` : `Resized tile "${notice.tileId}"`;
    case 'swapped':
      return vi ? `Đã đổi chỗ ô «${notice.tileId}»` : `Swapped tile "${notice.tileId}"`;
    case 'removed':
      return vi ? `Đã xoá ô «${notice.tileId}»` : `Removed tile "${notice.tileId}"`;
    case 'added':
      return vi ? `Đã thêm ô «${notice.tileId}»` : `Added tile "${notice.tileId}"`;
    case 'blocked':
      return vi ? `Không đặt được: chỗ đó có ô «${notice.by}»` : `Cannot place it there: tile "${notice.by}" is in the way`;
    case 'outside':
      return vi ? 'Không đặt được ra ngoài lưới' : 'Cannot place it outside the grid';
    case 'undone':
      return vi ? 'Đã hoàn tác' : 'Undone';
    case 'redone':
      return vi ? 'Đã làm lại' : 'Redone';
    case 'nothing-to-undo':
      return vi ? 'Không còn gì để hoàn tác' : 'Nothing to undo';
    case 'nothing-to-redo':
      return vi ? 'Không còn gì để làm lại' : 'Nothing to redo';
    case 'no-room':
      return say(t.noRoom, lang);
  }
}
