/** Errors of briefings: their versions, runs and switching (shared/api/briefings.ts). */
export const briefingErrors = {
  'briefing.not_found': { status: 404, vi: 'Không có phiên giao ban "{id}"', en: 'no briefing "{id}"' },
  'briefing.version_not_found': { status: 404, vi: 'Phiên giao ban "{id}" không có phiên bản {version}', en: 'briefing "{id}" has no version {version}' },
  'briefing.exists': { status: 409, vi: 'Đã có phiên giao ban mã "{id}"; hãy mở nó hoặc chọn mã khác', en: 'a briefing with id "{id}" exists; open it or choose another id' },
  'briefing.version_conflict': {
    status: 409,
    vi: 'Phiên giao ban đã được {by} lưu thành phiên bản {head} sau phiên bản {base} bạn mở; hãy tải lại rồi sửa tiếp',
    en: 'the briefing was saved as version {head} by {by} after the version {base} you opened; reload it and edit again',
  },
  'briefing.invalid': { status: 422, vi: 'Phiên giao ban có {count} lỗi; không có gì được lưu', en: 'the briefing has {count} error(s); nothing was stored' },
  'briefing.id_mismatch': { status: 422, vi: 'Mã trong phiên giao ban ("{documentId}") khác mã trong địa chỉ ("{id}")', en: 'the document\'s id ("{documentId}") is not the id in the address ("{id}")' },
  'briefing.scene_layout_missing': { status: 422, vi: 'Cảnh {scene}: bố cục "{layout}" không có phiên bản {version}', en: 'scene {scene}: layout "{layout}" has no version {version}' },
  'briefing.scene_tile_missing': { status: 422, vi: 'Cảnh {scene}: bố cục "{layout}" không có ô "{tile}" để phóng to', en: 'scene {scene}: layout "{layout}" has no tile "{tile}" to enlarge' },
  'briefing.no_run': { status: 409, vi: 'Không có phiên giao ban nào đang chạy', en: 'no briefing is running' },
  'briefing.run_exists': { status: 409, vi: 'Phiên giao ban "{id}" đang chạy; hãy dừng nó trước', en: 'briefing "{id}" is running; stop it first' },
  'briefing.scene_out_of_range': { status: 422, vi: 'Không có cảnh số {n} (phiên giao ban có {count} cảnh)', en: 'there is no scene {n} (the briefing has {count} scenes)' },
  'briefing.run_not_found': { status: 404, vi: 'Không có lượt chạy số {id}', en: 'no briefing run {id}' },
} as const;
