import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';

export const tasksOptionsSchema = z
  .object({
    maxRows: option(z.number().int().min(1).max(6).default(5), {
      label: { vi: 'Số cơ quan tối đa', en: 'Most agencies listed' },
      help: { vi: 'Các cơ quan có nhiều nhiệm vụ quá hạn nhất trước', en: 'The agencies with the most overdue tasks first' },
    }),
  })
  .strict();
export type TasksOptions = z.infer<typeof tasksOptionsSchema>;

export const tasksSpec = defineWidgetSpec({
  id: 'tasks',
  name: { vi: 'Nhiệm vụ Chính phủ, Thủ tướng giao', en: 'Tasks assigned by the Government and the Prime Minister' },
  description: {
    vi: 'Nhiệm vụ quá hạn theo cơ quan chủ trì: số nhiệm vụ, quá hạn lâu nhất, văn bản giao',
    en: 'Overdue tasks by the agency in charge: how many, the longest overdue, the assigning document',
  },
  optionsSchema: tasksOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'none',
  // every text at least 6.5cqh (tasks.css), whatever maxRows says: rows are 13cqh each
  legibility: { smallestTextFraction: 0.065 },
});
