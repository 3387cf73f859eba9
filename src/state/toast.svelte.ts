// Brief confirmations ("Quote copied and saved"), with an optional action such as Undo.
export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

let next = 1;

export class Toasts {
  current = $state<ToastMessage | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  show(text: string, action?: ToastMessage['action'], ms = 5000): void {
    clearTimeout(this.#timer);
    this.current = { id: next++, text, action };
    this.#timer = setTimeout(() => (this.current = null), ms);
  }
  dismiss(): void {
    clearTimeout(this.#timer);
    this.current = null;
  }
}
