import type { JSX } from 'react';
import type { Layout } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import type { ApiClient } from '../../api/client';
import type { EditorLang, FieldError } from './types';

export interface LayoutEditorProps {
  layout: Layout;
  profile: WallProfile;
  /** Every accepted edit (the shell tracks dirty state and saves). */
  onChange(layout: Layout): void;
  /** The server's refusals, shown at the field they concern. */
  serverErrors?: ReadonlyArray<FieldError>;
  lang?: EditorLang;
  /** The API client the indicator picker reads the catalogue with; default: the page's endpoint with its token. */
  client?: ApiClient;
}

export function LayoutEditor(props: LayoutEditorProps): JSX.Element {
  return <div className="layout-editor" data-layout={props.layout.id} />;
}
