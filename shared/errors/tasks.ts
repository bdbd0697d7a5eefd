/** Errors of the register of tasks assigned by the Government and the Prime Minister. */
export const taskErrors = {
  'task.not_found': { status: 404, vi: 'Không có nhiệm vụ {id}', en: 'no task {id}' },
  'task.other_agency': {
    status: 403,
    vi: 'Nhiệm vụ {id} do {agency} chủ trì; mã của {own} chỉ báo cáo nhiệm vụ của cơ quan mình',
    en: 'task {id} is in the charge of {agency}; a token of {own} reports only its own agency’s tasks',
  },
  'task.agency_filter': { status: 403, vi: 'Mã của {own} chỉ xem nhiệm vụ của cơ quan mình', en: 'a token of {own} sees only its own agency’s tasks' },
  'task.done_before_assigned': {
    status: 422,
    vi: 'Ngày hoàn thành {completedOn} trước ngày văn bản giao {documentDate}',
    en: 'completed on {completedOn}, before the assigning document of {documentDate}',
  },
} as const;
