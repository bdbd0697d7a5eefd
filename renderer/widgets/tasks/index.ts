import { tasksSpec } from '../../../shared/widgets/tasks/definition';
import { defineWidget } from '../common/define-widget';
import { TasksTile } from './TasksTile';

export const tasksWidget = defineWidget(tasksSpec, TasksTile);
