import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messages } from '../../shared/i18n';
import { TileMessage } from '../widgets/common/TileMessage';
import { rendererLog } from '../log';

interface Props {
  tileId: string;
  widget: string;
  /** A new value (e.g. the layout revision) gives a failed tile another try. */
  resetKey: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps one failing widget from taking the wall down: the tile shows "Lỗi hiển thị /
 * Display error", the error goes to the console (and the agent's log), every other tile
 * keeps running.
 */
export class TileErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    rendererLog.error(`tile "${this.props.tileId}" (widget "${this.props.widget}") failed to render`, { tile: this.props.tileId, widget: this.props.widget, err: error, componentStack: info.componentStack ?? '' });
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <TileMessage kind="error" text={messages.displayError} detail={this.state.error.message} />;
    }
    return this.props.children;
  }
}
