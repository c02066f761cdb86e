import type { HandlingAction } from '../register/register-store';

export interface HandlingRequest {
  action: HandlingAction;
  /** What is being printed, copied or downloaded (a file name, how many characters). */
  detail?: string;
}

export interface SendRequest {
  verb: string;
  recipients: string[];
}

export interface PromptHandlers {
  /** Asks the clerk for a reason; resolves `null` when the clerk cancels. */
  confirmHandling(request: HandlingRequest): Promise<{ reason: string } | null>;
  /** Records an action nothing could ask about first (printing from the browser menu). */
  handledUnasked(request: HandlingRequest): void;
  sendStarted(request: SendRequest): void;
}

/** Connects the page guards (which see the portal's events) to the overlay (which asks the clerk). */
export class PromptBus {
  private handlers: PromptHandlers | null = null;

  attach(handlers: PromptHandlers): () => void {
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  get ready(): boolean {
    return this.handlers !== null;
  }

  confirmHandling(request: HandlingRequest): Promise<{ reason: string } | null> {
    return this.handlers ? this.handlers.confirmHandling(request) : Promise.resolve(null);
  }

  handledUnasked(request: HandlingRequest): void {
    this.handlers?.handledUnasked(request);
  }

  sendStarted(request: SendRequest): void {
    this.handlers?.sendStarted(request);
  }
}
