/** Errors of the wall profiles in the store: versions, conflicts, activation (shared/api/profiles.ts). */
export const profileLibraryErrors = {
  'profile.not_found': { status: 404, vi: 'Không có hồ sơ tường "{id}"', en: 'no wall profile "{id}"' },
  'profile.version_not_found': { status: 404, vi: 'Hồ sơ tường "{id}" không có phiên bản {version}', en: 'wall profile "{id}" has no version {version}' },
  'profile.exists': { status: 409, vi: 'Đã có hồ sơ tường mã "{id}"; hãy mở nó hoặc chọn mã khác', en: 'a wall profile with id "{id}" exists; open it or choose another id' },
  'profile.version_conflict': {
    status: 409,
    vi: 'Hồ sơ tường đã được {by} lưu thành phiên bản {head} sau phiên bản {base} bạn mở; hãy tải lại rồi sửa tiếp',
    en: 'the wall profile was saved as version {head} by {by} after the version {base} you opened; reload it and edit again',
  },
  'profile.invalid': { status: 422, vi: 'Hồ sơ tường có {count} lỗi; không có gì được lưu', en: 'the wall profile has {count} error(s); nothing was stored' },
  'profile.id_mismatch': { status: 422, vi: 'Mã trong hồ sơ ("{documentId}") khác mã trong địa chỉ ("{id}")', en: 'the document\'s id ("{documentId}") is not the id in the address ("{id}")' },
} as const;
