import { noteSpec } from '../../../shared/widgets/note/definition';
import { defineWidget } from '../common/define-widget';
import { NoteTile } from './NoteTile';

export const noteWidget = defineWidget(noteSpec, NoteTile);
