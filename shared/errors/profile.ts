/** Why a wall profile is refused: the rules across fields and screens (shared/wall/checks.ts). */
export const profileErrors = {
  'profile.duplicate_id': { vi: 'Mã màn hình "{id}" đã dùng cho screens[{first}]', en: 'screen id "{id}" is already used by screens[{first}]' },
  'profile.grid_cell_taken': {
    vi: 'Màn hình "{a}" và "{b}" cùng ở ô lưới hàng {row}, cột {column}',
    en: 'screens "{a}" and "{b}" are both in grid cell row {row}, column {column}',
  },
  'profile.mixed_placement': { vi: 'Tường trộn đặt theo lưới và đặt tự do; mỗi tường chỉ dùng một cách', en: 'mix of grid and free placement; use one kind per wall' },
  'profile.screens_overlap': {
    vi: 'Màn hình "{b}" chồng lên màn hình "{a}" {width} × {height} mm (tính cả viền); vị trí tự do là góc trên bên trái của khung, kể cả viền',
    en: 'screen "{b}" overlaps screen "{a}" by {width} × {height} mm (frames, bezels included); a free placement is the top-left corner of the frame, bezel included',
  },
  'profile.display_taken': { vi: 'Màn hình "{a}" và "{b}" cùng được gán cho {display}', en: 'screens "{a}" and "{b}" are both assigned to {display}' },
  'profile.rotated_portrait': {
    vi: 'Màn hình "{id}": {width} × {height} px xoay {rotation}° sẽ nằm ngang. Kích thước ghi theo tấm màn như khi sản xuất, trước khi xoay: màn dựng đứng là {height} × {width} px, {heightMm} × {widthMm} mm với rotation {rotation}',
    en: 'screen "{id}": {width} × {height} px with rotation {rotation} hangs landscape. Sizes are given as the panel is built, before rotation: a portrait screen is {height} × {width} px, {heightMm} × {widthMm} mm with rotation {rotation}',
  },
  'profile.orientation_mismatch': {
    vi: 'Màn hình "{id}": độ phân giải {width} × {height} px và vùng hiển thị {widthMm} × {heightMm} mm không cùng chiều; cả hai ghi theo tấm màn, trước khi xoay',
    en: 'screen "{id}": resolution {width} × {height} px and active area {widthMm} × {heightMm} mm are not in the same orientation; give both as the panel is built, before rotation',
  },
  'profile.rotation': {
    vi: 'Góc xoay phải là một trong 0, 90, 180, 270 (độ, theo chiều kim đồng hồ); nhận được {value}',
    en: 'rotation must be one of 0, 90, 180, 270 (degrees clockwise); got {value}',
  },
  'profile.size_positive': { vi: '{field} phải lớn hơn 0', en: '{field} must be more than 0' },
} as const;
