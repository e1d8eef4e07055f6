import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { renderErrorCleared, reportRenderError } from '../../store/clean-start-flag.ts';

interface Props {
  /** The pane's name, as the message says it: "The note could not be shown." */
  pane: string;
  /** A change (the selected item, the view) gives the pane a fresh try. */
  resetKey?: unknown;
  testId: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

/**
 * Keeps a render error inside one pane: the pane says what went wrong and the
 * rest of the window keeps working. The error also marks the start unclean,
 * so a reload does not walk back into it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.key) return null;
    if (state.error) renderErrorCleared();
    return { key: props.resetKey, error: null };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    reportRenderError();
    console.warn(`${this.props.pane} could not be shown:`, error, info.componentStack);
  }

  private retry = (): void => {
    renderErrorCleared();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="pane-error" role="alert" data-testid={this.props.testId}>
        <Icon name="warning" size={20} />
        <p className="pane-error-title">{this.props.pane} could not be shown.</p>
        <p className="pane-error-detail mono">{error.message.slice(0, 500)}</p>
        <p className="muted">The rest of the window still works. Select another item or view, or try again.</p>
        <button type="button" data-testid={`${this.props.testId}-retry`} onClick={this.retry}>Try again</button>
      </div>
    );
  }
}
