import type { IdentifyEvent, TestPatternEvent, TestPatternName } from '../../shared/protocol/control';

type Listener = (event: { identify: IdentifyEvent } | { testPattern: TestPatternEvent }) => void;

/**
 * The technician's commands to the wall (identify, test pattern): the current one of each,
 * kept in memory so a page that connects (or reconnects) later shows it too. Not stored:
 * after a restart the wall shows its layout, which is the safe default. One sequence for
 * both kinds, so every command is told apart from the one before.
 */
export class WallCommands {
  private seq = 0;
  private identifyState: IdentifyEvent = { seq: 0, until: 0 };
  private patternState: TestPatternEvent = { seq: 0, pattern: null };
  private readonly listeners = new Set<Listener>();

  constructor(private readonly now: () => number = Date.now) {}

  get identifyNow(): IdentifyEvent {
    return this.identifyState;
  }

  get testPatternNow(): TestPatternEvent {
    return this.patternState;
  }

  identify(seconds: number, screens: string[] | undefined, by: string): IdentifyEvent {
    this.identifyState = { seq: ++this.seq, until: this.now() + seconds * 1000, ...(screens ? { screens } : {}), by };
    this.emit({ identify: this.identifyState });
    return this.identifyState;
  }

  stopIdentify(by: string): IdentifyEvent {
    this.identifyState = { seq: ++this.seq, until: 0, by };
    this.emit({ identify: this.identifyState });
    return this.identifyState;
  }

  testPattern(pattern: TestPatternName | null, screens: string[] | undefined, by: string): TestPatternEvent {
    this.patternState = { seq: ++this.seq, pattern, ...(screens && pattern ? { screens } : {}), by };
    this.emit({ testPattern: this.patternState });
    return this.patternState;
  }

  onCommand(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: Parameters<Listener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
